package org.onenumber.core.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Department;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.InvalidInputException;

class WorkingDaysTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  /** Christmas 2026 is a Friday. */
  private static final WorkingDays CITY = WorkingDays.weekdays(SEOUL, Set.of(LocalDate.parse("2026-12-25")));

  private static Instant seoul(String local) {
    return java.time.LocalDateTime.parse(local).atZone(SEOUL).toInstant();
  }

  @Test
  void countsOverAWeekend() {
    assertEquals(seoul("2026-11-30T10:00"), CITY.plus(seoul("2026-11-27T10:00"), 1));
    assertEquals(seoul("2026-12-02T10:00"), CITY.plus(seoul("2026-11-27T10:00"), 3));
  }

  @Test
  void skipsTheCitysHolidaysAndTheWeekendAfterThem() {
    assertEquals(seoul("2026-12-28T16:00"), CITY.plus(seoul("2026-12-24T16:00"), 1));
  }

  @Test
  void aRequestOnASaturdayStartsCountingOnMonday() {
    assertEquals(seoul("2026-12-01T00:00"), CITY.plus(seoul("2026-11-28T15:00"), 1));
    assertEquals(seoul("2026-11-30T00:00"), CITY.plus(seoul("2026-11-28T15:00"), 0));
  }

  @Test
  void rulesGoFromDepartmentAndCategoryToCategoryToDepartmentToTheDefault() {
    CaseDueRules rules = new CaseDueRules(CITY, Map.of("roads/Pothole", 7, "pothole", 5, "roads/", 3), true, null, null);
    Department roads = new Department(new DepartmentId("roads"), "도로과", "Roads", "+82212000001", Duration.ofDays(2));
    Department parks = new Department(new DepartmentId("parks"), "공원과", "Parks", "+82212000002", Duration.ofDays(2));
    Instant monday = seoul("2026-11-23T09:00");
    assertEquals(seoul("2026-12-02T09:00"), rules.dueAt(roads, "pothole", monday));
    assertEquals(seoul("2026-11-30T09:00"), rules.dueAt(parks, "POTHOLE", monday));
    assertEquals(seoul("2026-11-26T09:00"), rules.dueAt(roads, "sign", monday));
    assertEquals(monday.plus(Duration.ofDays(2)), rules.dueAt(parks, "bench", monday));
  }

  @Test
  void refusesNegativeDaysAndAWeekWithoutWorkingDays() {
    assertThrows(InvalidInputException.class, () -> CITY.plus(Instant.EPOCH, -1));
    assertThrows(InvalidInputException.class, () -> new WorkingDays(SEOUL, java.util.EnumSet.allOf(
        java.time.DayOfWeek.class), null));
  }
}
