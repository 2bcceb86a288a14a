package org.onenumber.ops.simulator;

import java.net.URI;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A city day's rota: as trace time passes, logs in every operator whose {@link CityShift} has
 * started (or starts within the minutes it {@link #arrivesEarly arrives early}) and who is not
 * working, and finishes every working one whose shift is over (operator {@code op-007} works the
 * {@link CityRoster}'s shift for 7, or none: never logs in;
 * trace second 0 is the city's midnight, a
 * negative trace second the evening before, while the simulator waits for the server's midnight).
 * Logins run on the operators' own threads ({@link SimulatedOperator#console}), so a shift change
 * of a hundred operators does not hold up the arrivals. Called from the dispatcher thread only; looks at most every 100 ms of wall time.
 */
final class ShiftRota {

  static final int ARRIVAL_SPREAD_MIN = 30;
  /** Trace seconds after its login beyond which an operator counts as joining its shift late. */
  static final double JOINED_LATE_S = 300;
  private final List<SimulatedOperator> operators;
  private final CityRoster roster;
  private final URI url;
  private final String password;
  private final Set<String> starting = ConcurrentHashMap.newKeySet();
  private final Set<String> finishing = ConcurrentHashMap.newKeySet();
  private long lastNanos;

  ShiftRota(List<SimulatedOperator> operators, CityRoster roster, URI url, String password) {
    this.operators = operators;
    this.roster = roster;
    this.url = url;
    this.password = password;
  }

  void update(double traceSeconds) {
    if (System.nanoTime() - lastNanos < 100_000_000L) {
      return;
    }
    lastNanos = System.nanoTime();
    LocalTime now = LocalTime.ofSecondOfDay(Math.floorMod((long) Math.floor(traceSeconds), 86_400));
    for (SimulatedOperator op : operators) {
      int number = Integer.parseInt(op.id().substring(3)); // op-001: the roster's operator 1
      CityShift shift = roster.shiftOf(number);
      boolean onDuty = shift != null
          && (shift.onDutyAt(now) || shift.onDutyAt(now.plusMinutes(arrivesEarly(number))));
      if (onDuty && !op.running() && starting.add(op.id())) {
        java.util.OptionalDouble since = joinedLate(loginAt(shift, number, traceSeconds), traceSeconds);
        SimulatedOperator.console("shift-" + op.id(), () -> startShift(op, since));
      } else if (!onDuty && op.running() && finishing.add(op.id())) {
        op.finish();
      } else if (onDuty) {
        finishing.remove(op.id());
      }
    }
  }

  /** Whether operators are logging in now (a shift's logins started and not all done). */
  boolean loggingIn() {
    return !starting.isEmpty();
  }

  /**
   * Minutes before its shift operator {@code i} logs in: 0 to {@value #ARRIVAL_SPREAD_MIN} - 1,
   * spread over the operators, as people arrive. All of a shift logging in at the same trace
   * second meant, at 400×, forty password checks in a tenth of a wall second: the server's intake
   * stalled for seconds (trace minutes) at each shift change.
   */
  static int arrivesEarly(int i) {
    return (i * 7) % ARRIVAL_SPREAD_MIN;
  }

  /**
   * The trace second operator {@code i} logs in for {@code shift} ({@link #arrivesEarly} before its
   * start), the last such at or before {@code traceSeconds} (a night shift's start lies the evening
   * before).
   */
  static double loginAt(CityShift shift, int i, double traceSeconds) {
    double login = shift.start().toSecondOfDay() - arrivesEarly(i) * 60.0;
    return login + 86_400 * Math.floor((traceSeconds - login) / 86_400);
  }

  /**
   * For an operator joining its shift more than {@value #JOINED_LATE_S} trace seconds after its
   * login (a day played from its peak, {@code --from}): from when its work counts towards a break,
   * the start of its current cycle of work and break ({@link SimulatedOperator#WORK_BEFORE_BREAK_S}
   * + {@link SimulatedOperator#BREAK_S}) since that login, so its breaks fall where the roster
   * placed them, not all together two hours after the window's start. Empty on time: from its login.
   */
  static java.util.OptionalDouble joinedLate(double loginAt, double traceSeconds) {
    if (traceSeconds - loginAt <= JOINED_LATE_S) {
      return java.util.OptionalDouble.empty();
    }
    double cycle = SimulatedOperator.WORK_BEFORE_BREAK_S + SimulatedOperator.BREAK_S;
    return java.util.OptionalDouble.of(loginAt + cycle * Math.floor((traceSeconds - loginAt) / cycle));
  }

  private void startShift(SimulatedOperator op, java.util.OptionalDouble workingSince) {
    try {
      op.start(url, password);
      workingSince.ifPresent(op::workingSince);
    } catch (RuntimeException e) {
      System.out.println("[sim] operator " + op.id() + " cannot start a shift: " + e.getMessage());
    } finally {
      starting.remove(op.id());
    }
  }
}
