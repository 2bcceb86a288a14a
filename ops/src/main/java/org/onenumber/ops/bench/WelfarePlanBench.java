package org.onenumber.ops.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.welfare.CallWindow;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.core.welfare.ProgramCalendar;
import org.onenumber.core.welfare.Senior;
import org.onenumber.core.welfare.SeniorId;
import org.onenumber.core.welfare.WeekPlan;
import org.onenumber.core.welfare.WeekPlanner;
import org.onenumber.core.welfare.WelfareConsent;
import org.onenumber.ops.staffing.IntervalStaffing;
import org.onenumber.ops.staffing.StaffingPlanner;
import org.onenumber.ops.staffing.StaffingRequest;

/**
 * {@code bin/bench outbound}: plans one week of welfare calls for N enrolled seniors (default
 * 100,000; windows on 3–4 weekdays, seeded) several times on one thread and prints each run's
 * time, then the busiest day's operators by Erlang C. Last line: {@code RESULT outbound seniors=...
 * plan_ms_median=... plan_ms_max=... calls=... peak_operators=... originate_p99_ms=NA}; {@code
 * bin/bench outbound} puts the dialer half's figure there (telephony's {@code OutboundDialerBench}).
 */
public final class WelfarePlanBench {

  private WelfarePlanBench() {}

  public static void main(String[] args) {
    int seniors = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    ZoneId zone = ZoneId.of("Asia/Seoul");
    List<Senior> all = seniors(seniors, new SplittableRandom(42));
    WeekPlanner planner = new WeekPlanner(ProgramCalendar.weekdays(zone), 3);
    LocalDate monday = LocalDate.of(2026, 11, 23);
    for (int w = 0; w < 2; w++) {
      planner.plan(monday, all);
    }
    double[] millis = new double[runs];
    WeekPlan plan = null;
    for (int r = 0; r < runs; r++) {
      long start = System.nanoTime();
      plan = planner.plan(monday, all);
      millis[r] = (System.nanoTime() - start) / 1e6;
      System.out.printf("run %d: %,d seniors, %,d calls planned in %.1f ms%n", r + 1, seniors, plan.calls().size(),
          millis[r]);
    }
    Arrays.sort(millis);
    int peak = 0;
    for (int d = 0; d < 5; d++) {
      double[] volumes = plan.volumes(monday.plusDays(d), 30);
      List<Double> list = Arrays.stream(volumes).boxed().toList();
      for (IntervalStaffing s : StaffingPlanner.plan(new StaffingRequest(list, 30, 180, 0.8, 60, 0))) {
        peak = Math.max(peak, s.agents());
      }
    }
    System.out.printf("RESULT outbound seniors=%d plan_ms_median=%.1f plan_ms_max=%.1f calls=%d peak_operators=%d"
        + " originate_p99_ms=NA%n", seniors, millis[runs / 2], millis[runs - 1], plan.calls().size(), peak);
  }

  private static List<Senior> seniors(int n, SplittableRandom random) {
    List<Senior> all = new ArrayList<>(n);
    Instant consentAt = Instant.parse("2026-11-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      List<DayOfWeek> days = new ArrayList<>(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
      List<CallWindow> windows = new ArrayList<>();
      for (int d = 3 + random.nextInt(2); d > 0; d--) {
        int start = 9 + random.nextInt(7);
        windows.add(new CallWindow(days.remove(random.nextInt(days.size())), LocalTime.of(start, 0),
            LocalTime.of(start + 1 + random.nextInt(3), 0)));
      }
      all.add(new Senior(new SeniorId(String.format("S-%07d", i)), "Senior " + i,
          List.of(new CitizenIdentity.Phone(String.format("+8210%08d", i))), "", "district-" + (i % 25),
          Language.KOREAN, new WelfareConsent(true, true, true, true, "self", consentAt), List.of(), "", null, windows,
          CheckInMode.AUTOMATED, "", LocalDate.of(2026, 1, 1), null));
    }
    return all;
  }
}
