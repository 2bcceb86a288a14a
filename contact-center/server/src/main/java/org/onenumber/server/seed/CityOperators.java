package org.onenumber.server.seed;

import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;

/**
 * The city-scale staff of {@code onenumber.seed.profile=city}: {@value #CITY_OPERATORS} operators
 * {@code op-001}…{@code op-500}, generated deterministically from the demo city's 40. In order:
 *
 * <ol>
 *   <li>operator i (1-based) takes the languages, skills, messaging capacity and queues of demo
 *       operator ((i − 1) mod 40) + 1, so the city keeps the demo's mix of queues, languages and
 *       skills, only 12.5 times larger (the first 40 are the demo operators themselves);
 *   <li>operators after the 40th get a Korean name from fixed family and given-name lists, indexed
 *       by i, so the same i always has the same name;
 *   <li>the shift of operator i is {@link org.onenumber.ops.simulator.CityShift#of(int)} (the
 *       simulator logs operators in and out by it; the server stores no rota).
 * </ol>
 *
 * Pure and thread-safe.
 */
public final class CityOperators {

  /** How many operators the city profile seeds. */
  public static final int CITY_OPERATORS = 500;

  private static final String[] FAMILY = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서",
      "신", "권", "황", "안", "송", "류", "홍"};
  private static final String[] GIVEN = {"민준", "서연", "도윤", "지우", "하준", "서윤", "은우", "하은", "시우", "지아",
      "준서", "수아", "예준", "다은", "유준", "채원", "건우", "지민", "현우", "윤서", "선우", "소율", "우진", "예린", "지호"};

  private CityOperators() {}

  /** {@code count} operators built from the demo operators as templates (see the class comment). */
  public static List<Agent> expand(List<Agent> demo, int count) {
    if (demo.isEmpty() || count < demo.size() || count > 999) {
      throw new IllegalArgumentException("need demo operators and " + demo.size() + "..999 operators, got " + count);
    }
    List<Agent> city = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      Agent template = demo.get((i - 1) % demo.size());
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
