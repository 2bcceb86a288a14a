package org.onenumber.server.welfare;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.welfare.EscalationLadder;
import org.onenumber.core.welfare.ProgramCalendar;
import org.onenumber.core.welfare.RetryPolicy;
import org.onenumber.core.welfare.WelfareSettings;

/** {@code onenumber.welfare.*}: how the welfare-call program runs (defaults in the README's table). */
@ConfigurationProperties("onenumber.welfare")
final class WelfareConfig {

  boolean dialer = true;
  Duration dialEvery = Duration.ofSeconds(30);
  int dialBatch = 200;
  int callsPerWeek = 3;
  String retry = "30m,2h,next-morning";
  int unreachedLimit = 3;
  String department = "welfare";
  Duration smsReplyWindow = Duration.ofHours(2);
  List<LocalDate> holidays = List.of();
  int slotCapacity = 0;
  double ahtSeconds = 180;

  public void setDialer(boolean dialer) {
    this.dialer = dialer;
  }

  public void setDialEvery(Duration dialEvery) {
    this.dialEvery = dialEvery;
  }

  public void setDialBatch(int dialBatch) {
    this.dialBatch = dialBatch;
  }

  public void setCallsPerWeek(int callsPerWeek) {
    this.callsPerWeek = callsPerWeek;
  }

  public void setRetry(String retry) {
    this.retry = retry;
  }

  public void setUnreachedLimit(int unreachedLimit) {
    this.unreachedLimit = unreachedLimit;
  }

  public void setDepartment(String department) {
    this.department = department;
  }

  public void setSmsReplyWindow(Duration smsReplyWindow) {
    this.smsReplyWindow = smsReplyWindow;
  }

  public void setHolidays(List<LocalDate> holidays) {
    this.holidays = holidays;
  }

  public void setSlotCapacity(int slotCapacity) {
    this.slotCapacity = slotCapacity;
  }

  public void setAhtSeconds(double ahtSeconds) {
    this.ahtSeconds = ahtSeconds;
  }

  WelfareSettings settings(ZoneId zone) {
    Set<LocalDate> days = new HashSet<>(holidays);
    ProgramCalendar weekdays = ProgramCalendar.weekdays(zone);
    ProgramCalendar calendar = new ProgramCalendar(zone, weekdays.hours(), days, slotCapacity);
    return new WelfareSettings(calendar, callsPerWeek, RetryPolicy.parse(retry), new EscalationLadder(unreachedLimit),
        Map.of(), new DepartmentId(department), smsReplyWindow);
  }
}
