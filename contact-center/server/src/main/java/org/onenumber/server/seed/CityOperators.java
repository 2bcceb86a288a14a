package org.onenumber.server.seed;

import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.ops.staffing.CityStaffGroup;

/**
 * The city-scale staff of {@code onenumber.seed.profile=city}: {@code onenumber.seed.city-operators}
 * operators (default {@value #CITY_OPERATORS}) {@code op-001}…, generated deterministically from the
 * demo city's 40. In order:
 *
 * <ol>
 *   <li>operator i (1-based) takes the languages, skills, messaging capacity and queues of the
 *       demo operator {@link CityStaffGroup#layout} names for it: operators 1–40 are the demo
 *       operators themselves; from the 41st each belongs to one queue group (Korean calls,
 *       Korean messaging, English, Chinese, Japanese, Vietnamese) in the groups' fixed shares and
 *       copies a demo operator who serves only that group's queue;
 *   <li>operators after the 40th get a Korean name from fixed family and given-name lists, indexed
 *       by i, so the same i always has the same name;
 *   <li>the server stores no rota: the simulator's roster (planned by the staffing planner for
 *       the day, {@code CityRoster} in {@code ops}) logs each group's operators in by the same
 *       layout.
 * </ol>
 *
 * Pure and thread-safe.
 */
public final class CityOperators {

  /** How many operators the city profile seeds unless {@code onenumber.seed.city-operators} says. */
  public static final int CITY_OPERATORS = CityStaffGroup.DEFAULT_OPERATORS;
  /** The most operators the city seeds ({@code op-9999}: ids have three digits, four from the 1,000th). */
  public static final int MAX_OPERATORS = CityStaffGroup.MAX_OPERATORS;

  private static final String[] FAMILY = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서",
      "신", "권", "황", "안", "송", "류", "홍"};
  private static final String[] GIVEN = {"민준", "서연", "도윤", "지우", "하준", "서윤", "은우", "하은", "시우", "지아",
      "준서", "수아", "예준", "다은", "유준", "채원", "건우", "지민", "현우", "윤서", "선우", "소율", "우진", "예린", "지호"};

  private CityOperators() {}

  /** {@code count} operators built from the demo operators as templates (see the class comment). */
  public static List<Agent> expand(List<Agent> demo, int count) {
    if (demo.size() != CityStaffGroup.DEMO_OPERATORS || count < demo.size() || count > MAX_OPERATORS) {
      throw new IllegalArgumentException("need the " + CityStaffGroup.DEMO_OPERATORS + " demo operators and "
          + demo.size() + ".." + MAX_OPERATORS + " operators, got " + demo.size() + " and " + count);
    }
    List<Agent> city = new ArrayList<>(count);
    for (CityStaffGroup.Seat seat : CityStaffGroup.layout(count)) {
      int i = seat.operator();
      Agent template = demo.get(seat.template() - 1);
      if (i <= demo.size()) {
        city.add(template);
        continue;
      }
      String name = FAMILY[i % FAMILY.length] + GIVEN[(i / FAMILY.length) % GIVEN.length];
      city.add(new Agent(new AgentId(String.format("op-%03d", i)), name, template.skills(), template.languages(),
          template.capacity(), template.queues(), template.state(), null));
    }
    return List.copyOf(city);
  }
}
