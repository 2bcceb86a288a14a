package org.onenumber.core.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseEntryKind;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;

class DepartmentPerformanceTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private static Case opened(String id, String category, Duration dueIn) {
    return new Case(new CaseId(id), new DepartmentId("water"), category, CasePriority.values()[0], "leak",
        new CitizenId("cit-1"), List.of(new ContactId("c-" + id)), T0.plus(dueIn),
        List.of(new CaseStatusChange(CaseStatus.OPEN, T0, "op-001", null)));
  }

  private static CaseStatusChange row(CaseStatus status, long hours, String publicNote, CaseEntryKind kind) {
    return new CaseStatusChange(status, T0.plus(Duration.ofHours(hours)), "staff-1", null, publicNote, kind, null);
  }

  @Test
  void computesEveryFigureOfADepartmentAndItsCategories() {
    Case answered = opened("C-1", "leak", Duration.ofHours(10))
        .append(row(CaseStatus.ACCEPTED, 1, null, CaseEntryKind.STATUS))
        .append(row(CaseStatus.RESOLVED, 4, "Fixed.", CaseEntryKind.STATUS));
    Case late = opened("C-2", "leak", Duration.ofHours(10))
        .append(row(CaseStatus.OPEN, 3, null, CaseEntryKind.NOTE))
        .append(row(CaseStatus.RESOLVED, 12, null, CaseEntryKind.STATUS));
    Case reopened = opened("C-3", "pothole", Duration.ofHours(10))
        .append(row(CaseStatus.RESOLVED, 2, "Filled.", CaseEntryKind.STATUS))
        .append(row(CaseStatus.REOPENED, 5, null, CaseEntryKind.STATUS));
    Case untouched = opened("C-4", "pothole", Duration.ofHours(10));

    List<DepartmentFigures> rows = DepartmentPerformance.of(List.of(answered, late, reopened, untouched),
        T0.plus(Duration.ofHours(20)));

    assertEquals(List.of("*", "leak", "pothole"), rows.stream().map(DepartmentFigures::category).toList());
    DepartmentFigures all = rows.get(0);
    assertEquals(4, all.received());
    assertEquals(1, all.answeredOnTime());
    assertEquals(2, all.overdue());
    assertEquals(0.25, all.replyRate());
    assertEquals(1.0 / 3, all.reopenRate());
    assertEquals(7_200L, all.firstResponseMedianSeconds(), "1h, 2h, 3h: nearest rank");
    assertEquals(10_800L, all.firstResponseP90Seconds());
    assertEquals(14_400L, all.resolutionMedianSeconds(), "4h and 12h: nearest rank");
    assertEquals(43_200L, all.resolutionP90Seconds());
    assertNull(all.satisfaction());
    DepartmentFigures potholes = rows.get(2);
    assertEquals(2, potholes.received());
    assertEquals(0.0, potholes.replyRate());
    assertNull(potholes.resolutionMedianSeconds());
  }

  @Test
  void satisfactionIsTheMeanOfTheLatestRatingsPerCategoryWithTheirCountAndTheLowOnes() {
    Case leak = opened("C-1", "leak", Duration.ofHours(10))
        .append(row(CaseStatus.RESOLVED, 2, "Fixed.", CaseEntryKind.STATUS)).append(rating(3, "1"))
        .append(row(CaseStatus.REOPENED, 4, null, CaseEntryKind.STATUS))
        .append(row(CaseStatus.RESOLVED, 5, "Fixed again.", CaseEntryKind.STATUS)).append(rating(6, "4"));
    Case pothole = opened("C-2", "pothole", Duration.ofHours(10))
        .append(row(CaseStatus.RESOLVED, 2, "Filled.", CaseEntryKind.STATUS)).append(rating(3, "2"));
    Case unrated = opened("C-3", "pothole", Duration.ofHours(10))
        .append(row(CaseStatus.RESOLVED, 2, "Filled.", CaseEntryKind.STATUS));

    List<DepartmentFigures> rows = DepartmentPerformance.of(List.of(leak, pothole, unrated), T0.plus(Duration.ofHours(8)));

    assertEquals(3.0, rows.get(0).satisfaction(), "the latest ratings 4 and 2");
    assertEquals(2, rows.get(0).rated());
    assertEquals(1, rows.get(0).lowRated());
    assertEquals(1, rows.get(0).highRated(), "the 4 is satisfied, the 2 is not");
    assertEquals(4.0, rows.get(1).satisfaction());
    assertEquals(0, rows.get(1).lowRated());
    assertEquals(2.0, rows.get(2).satisfaction(), "the unrated pothole does not count");
    assertEquals(1, rows.get(2).rated());
  }

  private static CaseStatusChange rating(long hours, String score) {
    return new CaseStatusChange(CaseStatus.RESOLVED, T0.plus(Duration.ofHours(hours)), "citizen", null, null,
        CaseEntryKind.RATED, score);
  }

  @Test
  void nothingToDivideByIsNullNotZero() {
    DepartmentFigures row = DepartmentPerformance.of(List.of(opened("C-9", "leak", Duration.ofDays(3))), T0).get(0);
    assertNull(row.reopenRate());
    assertNull(row.firstResponseMedianSeconds());
    assertEquals(0.0, row.replyRate());
  }
}
