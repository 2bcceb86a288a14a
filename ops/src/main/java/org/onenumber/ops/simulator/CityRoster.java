package org.onenumber.ops.simulator;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onenumber.core.contact.Channel;
import org.onenumber.ops.staffing.CityStaffGroup;
import org.onenumber.ops.staffing.IntervalStaffing;
import org.onenumber.ops.staffing.ShiftCovering;
import org.onenumber.ops.staffing.StaffingPlanner;
import org.onenumber.ops.staffing.StaffingRequest;

/**
 * A city day's roster, sized by the house's staffing planner ({@link StaffingPlanner}) for the
 * day's curve and the simulated operators' model. In order:
 *
 * <ol>
 *   <li>each arrival belongs to the queue group that answers it ({@link #groupOf}: Korean calls to
 *       {@code general-ko}, Korean chats, texts and web forms to {@code messaging-ko}, other
 *       languages to their language's queue), and the day's contacts of a group are spread over
 *       the 48 half hours by the city curve ({@link PoissonCityDay#hourShares}, half an hour half
 *       its hour's share): the forecast, the expected volume, not the drawn one;
 *   <li>per group and half hour the planner finds the fewest agents for {@value #TARGET_PERCENT} %
 *       answered within {@value #THRESHOLD_S} s under the operators' model: handle time the
 *       simulator's mean ({@code --aht}) plus the queues' {@value #WRAP_UP_S}-s wrap-up, Erlang A
 *       with the citizens' mean patience ({@code --patience}) for calls and the languages'
 *       queues, Erlang C for messaging (texts never give up) counted in contacts held at once and
 *       divided by the slots one messaging operator holds ({@link CityStaffGroup#slots});
 *   <li>shrinkage: a {@value SimulatedOperator#BREAK_S}-s break after every {@value
 *       SimulatedOperator#WORK_BEFORE_BREAK_S} s of work takes 1/9 of a shift, so the people on
 *       duty are the agents ÷ (1 − 1/9), rounded up;
 *   <li>{@link ShiftCovering} turns each group's people per half hour into 9-hour shifts (as
 *       {@link CityShift}'s) starting on the half hour, a greedy covering;
 *   <li>the group's seeded operators ({@link CityStaffGroup#layout} over {@code --agents}) get
 *       the shifts in number order, the shifts sorted by start and dealt in ten piles so that
 *       consecutive operators (one client lane, {@link SimulatorHttp}) start at different times;
 *       operators of no group, or beyond what the roster needs, do not log in; shifts beyond the
 *       operators seeded stay empty ({@link #shortOf});
 *   <li>the breaks as the model takes them: the operators who start together break together, two
 *       hours after they log in ({@link ShiftRota#arrivesEarly} before the shift), so 1/9 on
 *       average is not 1/9 in every half hour (Seoul's 08:00 and 09:00 starters left the 09:45 and
 *       10:45 quarters at 47–77 % SL15). Each operator's breaks are placed as the model places
 *       them (login + 2 h, then every 2 h 15 min, 15 min each; the wait for the contact in hand to
 *       end is left out), the agents available per half hour are those on duty less the break
 *       minutes ÷ 30, and where they fall short of the planner's agents the requirement is raised
 *       by the shortfall and steps 4–6 repeat (at most {@value #REPAIRS} times).
 * </ol>
 *
 * Deterministic for a given day (the same arrivals give the same roster). Immutable.
 */
public final class CityRoster {

  static final int INTERVAL_MIN = 30;
  static final int INTERVALS = 24 * 60 / INTERVAL_MIN;
  /** A shift's length: CityShift's nine hours. */
  static final int SHIFT_INTERVALS = 9 * 60 / INTERVAL_MIN;
  static final int TARGET_PERCENT = 90;
  static final double THRESHOLD_S = 15;
  /** The queues' wrap-up ({@code QueueConfig.defaults}): the operator's slot is held meanwhile. */
  static final double WRAP_UP_S = 30;
  static final double SHRINKAGE = (double) SimulatedOperator.BREAK_S
      / (SimulatedOperator.WORK_BEFORE_BREAK_S + SimulatedOperator.BREAK_S);
  private static final int PILES = 10;
  static final int REPAIRS = 50;
  /** Numbers past any seed's three-digit ids, for shifts beyond the operators seeded. */
  static final int UNSEEDED = 1000;

  /**
   * One group's plan.
   *
   * @param volumes expected contacts per half hour
   * @param agents agents (or messaging operators) the planner asks for per half hour
   * @param required people on duty per half hour after shrinkage
   * @param starts shifts starting at each half hour
   * @param available agents on duty and not on a break per half hour (the model's breaks)
   * @param operators the seeded operators of the group, in number order
   * @param rostered how many of them have a shift
   */
  public record GroupPlan(CityStaffGroup group, int contacts, double[] volumes, int[] agents, int[] required,
      int[] starts, double[] available, List<Integer> operators, int rostered) {

    public int shifts() {
      int n = 0;
      for (int s : starts) {
        n += s;
      }
      return n;
    }

    /** People on duty per half hour by the planned shifts. */
    public int[] onDuty() {
      return ShiftCovering.onDuty(starts, SHIFT_INTERVALS);
    }

    public int peakRequired() {
      int max = 0;
      for (int r : required) {
        max = Math.max(max, r);
      }
      return max;
    }
  }

  private final List<GroupPlan> groups;
  private final Map<Integer, CityShift> shifts;

  private CityRoster(List<GroupPlan> groups, Map<Integer, CityShift> shifts) {
    this.groups = List.copyOf(groups);
    this.shifts = Map.copyOf(shifts);
  }

  /** The roster for {@code day} (a whole day's arrivals) staffed from operators 1..{@code operators}. */
  public static CityRoster plan(List<Arrival> day, double ahtSeconds, double patienceSeconds, int operators) {
    Map<CityStaffGroup, Integer> contacts = new EnumMap<>(CityStaffGroup.class);
    for (Arrival a : day) {
      CityStaffGroup g = groupOf(a);
      if (g != null) {
        contacts.merge(g, 1, Integer::sum);
      }
    }
    Map<CityStaffGroup, List<Integer>> seated = new EnumMap<>(CityStaffGroup.class);
    for (CityStaffGroup.Seat seat : CityStaffGroup.layout(operators)) {
      if (seat.group() != null) {
        seated.computeIfAbsent(seat.group(), g -> new ArrayList<>()).add(seat.operator());
      }
    }
    double[] hours = PoissonCityDay.hourShares(0.10);
    List<GroupPlan> plans = new ArrayList<>();
    Map<Integer, CityShift> shifts = new HashMap<>();
    for (CityStaffGroup g : CityStaffGroup.values()) {
      List<Integer> ops = seated.getOrDefault(g, List.of());
      GroupPlan plan = planGroup(g, contacts.getOrDefault(g, 0), hours, ops, ahtSeconds, patienceSeconds);
      List<CityShift> dealt = dealt(g, plan.starts());
      for (int k = 0; k < plan.rostered(); k++) {
        shifts.put(ops.get(k), dealt.get(k));
      }
      plans.add(plan);
    }
    return new CityRoster(plans, shifts);
  }

  /** Steps 2–7 of the class comment for one group. */
  private static GroupPlan planGroup(CityStaffGroup g, int n, double[] hours, List<Integer> ops, double aht,
      double patience) {
    double[] volumes = new double[INTERVALS];
    List<Double> forecast = new ArrayList<>();
    for (int t = 0; t < INTERVALS; t++) {
      volumes[t] = n * hours[t * INTERVAL_MIN / 60] * INTERVAL_MIN / 60;
      forecast.add(volumes[t]);
    }
    int[] agents = agents(g, forecast, aht, patience);
    int[] required = new int[INTERVALS];
    for (int t = 0; t < INTERVALS; t++) {
      required[t] = (int) Math.ceil(agents[t] / (1 - SHRINKAGE) - 1e-9);
    }
    for (int repairs = 0; ; repairs++) {
      int[] starts = ShiftCovering.cover(required, SHIFT_INTERVALS);
      List<CityShift> dealt = dealt(g, starts);
      double[] available = available(ops, dealt);
      boolean lacking = false;
      for (int t = 0; t < INTERVALS; t++) {
        if (available[t] < agents[t] - 1e-9) {
          required[t] += (int) Math.ceil(agents[t] - available[t] - 1e-9);
          lacking = true;
        }
      }
      if (!lacking || repairs == REPAIRS) {
        return new GroupPlan(g, n, volumes, agents, required.clone(), starts, available, List.copyOf(ops),
            Math.min(ops.size(), dealt.size()));
      }
    }
  }

  /** The group that answers {@code a} on the city seed's queues (null: none planned). */
  static CityStaffGroup groupOf(Arrival a) {
    return switch (a.language()) {
      case "ko" -> a.channel() == Channel.VOICE ? CityStaffGroup.GENERAL_KO : CityStaffGroup.MESSAGING_KO;
      case "en" -> CityStaffGroup.ENGLISH;
      case "zh" -> CityStaffGroup.CHINESE;
      case "ja" -> CityStaffGroup.JAPANESE;
      case "vi" -> CityStaffGroup.VIETNAMESE;
      default -> null;
    };
  }

  private static int[] agents(CityStaffGroup g, List<Double> forecast, double aht, double patience) {
    boolean messaging = g.slots() > 1;
    List<IntervalStaffing> plan = StaffingPlanner.plan(new StaffingRequest(forecast, INTERVAL_MIN, aht + WRAP_UP_S,
        TARGET_PERCENT / 100.0, THRESHOLD_S, messaging ? 0 : patience));
    int[] agents = new int[plan.size()];
    for (int t = 0; t < agents.length; t++) {
      agents[t] = (plan.get(t).agents() + g.slots() - 1) / g.slots();
    }
    return agents;
  }

  /**
   * Agents on duty and not on a break per half hour when operator {@code ops.get(k)} works {@code
   * dealt.get(k)} (a shift beyond the operators seeded counts as worked by operator {@value
   * #UNSEEDED} + k, so the plan is the day's whole need): on duty from the shift's start to its
   * end, breaks of {@value
   * SimulatedOperator#BREAK_S} s from the login ({@link ShiftRota#arrivesEarly} minutes early) +
   * {@value SimulatedOperator#WORK_BEFORE_BREAK_S} s, each next one that long after the last ended.
   */
  static double[] available(List<Integer> ops, List<CityShift> dealt) {
    double[] available = new double[INTERVALS];
    int day = 24 * 60;
    int work = (int) (SimulatedOperator.WORK_BEFORE_BREAK_S / 60);
    int pause = (int) (SimulatedOperator.BREAK_S / 60);
    for (int k = 0; k < dealt.size(); k++) {
      int operator = k < ops.size() ? ops.get(k) : UNSEEDED + k;
      int start = dealt.get(k).start().toSecondOfDay() / 60;
      int end = start + SHIFT_INTERVALS * INTERVAL_MIN;
      for (int m = start; m < end; m += INTERVAL_MIN) {
        available[Math.floorMod(m, day) / INTERVAL_MIN] += 1;
      }
      for (int b = start - ShiftRota.arrivesEarly(operator) + work; b < end; b += work + pause) {
        for (int m = Math.max(b, start); m < Math.min(b + pause, end); m++) {
          available[Math.floorMod(m, day) / INTERVAL_MIN] -= 1.0 / INTERVAL_MIN;
        }
      }
    }
    return available;
  }

  /** The group's shifts sorted by start, dealt in {@value #PILES} piles (see the class comment). */
  private static List<CityShift> dealt(CityStaffGroup g, int[] starts) {
    List<CityShift> sorted = new ArrayList<>();
    for (int t = 0; t < starts.length; t++) {
      LocalTime start = LocalTime.of(t * INTERVAL_MIN / 60, t * INTERVAL_MIN % 60);
      for (int k = 0; k < starts[t]; k++) {
        sorted.add(new CityShift(g.queue() + "@" + start, start, start.plusMinutes(SHIFT_INTERVALS * INTERVAL_MIN)));
      }
    }
    List<CityShift> dealt = new ArrayList<>(sorted.size());
    for (int pile = 0; pile < PILES; pile++) {
      for (int k = pile; k < sorted.size(); k += PILES) {
        dealt.add(sorted.get(k));
      }
    }
    return dealt;
  }

  /** Operator {@code operator}'s shift (1-based), or null: not on the roster, never logs in. */
  public CityShift shiftOf(int operator) {
    return shifts.get(operator);
  }

  public List<GroupPlan> groups() {
    return groups;
  }

  /** Shifts the planner asked for beyond the operators seeded, over all groups. */
  public int shortOf() {
    return groups.stream().mapToInt(p -> p.shifts() - p.rostered()).sum();
  }

  public int shifts() {
    return groups.stream().mapToInt(GroupPlan::shifts).sum();
  }

  /** The most people the roster has on duty at once (all groups, by the planned shifts). */
  public int peakOnDuty() {
    int[] total = new int[INTERVALS];
    groups.forEach(p -> {
      int[] on = p.onDuty();
      for (int t = 0; t < INTERVALS; t++) {
        total[t] += on[t];
      }
    });
    int max = 0;
    for (int v : total) {
      max = Math.max(max, v);
    }
    return max;
  }

  /** One line per group and a total, for the simulator's log. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    for (GroupPlan p : groups) {
      int peak = 0;
      for (int t = 0; t < INTERVALS; t++) {
        peak = p.agents()[t] > p.agents()[peak] ? t : peak;
      }
      lines.add(String.format(Locale.ROOT, "[sim] roster %-13s contacts=%d peak %s: %.0f expected, %d agents,"
          + " %d on duty; shifts=%d seeded=%d rostered=%d", p.group().queue(), p.contacts(),
          LocalTime.of(peak * INTERVAL_MIN / 60, peak * INTERVAL_MIN % 60), p.volumes()[peak], p.agents()[peak],
          p.required()[peak], p.shifts(), p.operators().size(), p.rostered()));
    }
    lines.add(String.format(Locale.ROOT, "[sim] roster total shifts=%d peak_on_duty=%d short_of=%d (SL %d %% in"
        + " %.0f s, %.0f %% shrinkage, 9-h shifts on the half hour)", shifts(), peakOnDuty(), shortOf(),
        TARGET_PERCENT, THRESHOLD_S, SHRINKAGE * 100));
    return lines;
  }
}
