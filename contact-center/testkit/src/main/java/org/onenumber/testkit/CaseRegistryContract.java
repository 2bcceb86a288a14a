package org.onenumber.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseEntryKind;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CaseInbox;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.VersionConflictException;
import org.onenumber.core.port.out.CaseRegistry;

/**
 * What every {@link CaseRegistry} must do. Subclasses give a fresh registry per test in which
 * department {@code water} or {@code roads}, citizen {@code citizen-kim} and contacts {@code c-1},
 * {@code c-2} exist (a database needs them for its foreign keys).
 */
public abstract class CaseRegistryContract {

  protected static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

  protected abstract CaseRegistry cases();

  private Case open(String id, String department, Instant at) {
    return new Case(new CaseId(id), new DepartmentId(department), "수도 누수", CasePriority.HIGH,
        "아파트 앞 도로에서 물이 샌다", new CitizenId("citizen-kim"), List.of(new ContactId("c-1")),
        at.plusSeconds(3 * 86_400), List.of(new CaseStatusChange(CaseStatus.OPEN, at, "op-001", null)));
  }

  @Test
  public void findsResolvedCasesWithoutARowSinceTheCutoff() {
    Case quiet = open("C-1", "water", T0).moveTo(new CaseStatusChange(CaseStatus.RESOLVED, T0.plusSeconds(60),
        "staff-water", null));
    Case noted = open("C-2", "water", T0).moveTo(new CaseStatusChange(CaseStatus.RESOLVED, T0.plusSeconds(60),
        "staff-water", null)).append(new CaseStatusChange(CaseStatus.RESOLVED, T0.plusSeconds(600), "staff-water",
        "called back", null, CaseEntryKind.NOTE, null));
    Case open = open("C-3", "water", T0);
    List.of(quiet, noted, open).forEach(cases()::save);
    assertEquals(List.of(quiet.id()), cases().resolvedQuietSince(T0.plusSeconds(300), 10).stream().map(Case::id)
        .toList());
    assertEquals(List.of(quiet.id(), noted.id()), cases().resolvedQuietSince(T0.plusSeconds(600), 10).stream()
        .map(Case::id).toList());
  }

  @Test
  public void findsASavedCaseWithItsContactsAndHistory() {
    Case c = open("C-1", "water", T0);
    cases().save(c);
    assertEquals(c, cases().find(c.id()).orElseThrow());
  }

  @Test
  public void createStoresANewCaseAsSaveDoesAndRefusesAStoredId() {
    Case c = open("C-1", "water", T0).moveTo(new CaseStatusChange(CaseStatus.ACCEPTED, T0.plusSeconds(60),
        "staff-water", null));
    cases().create(c);
    assertEquals(c, cases().find(c.id()).orElseThrow());
    assertThrows(RuntimeException.class, () -> cases().create(open("C-1", "roads", T0)));
    assertEquals(c, cases().find(c.id()).orElseThrow());
  }

  @Test
  public void savingAgainAppendsNewStatuses() {
    Case c = open("C-1", "water", T0);
    cases().save(c);
    Case progressed = c.moveTo(new CaseStatusChange(CaseStatus.IN_PROGRESS, T0.plusSeconds(60), "staff-water", "현장 출동"))
        .moveTo(new CaseStatusChange(CaseStatus.RESOLVED, T0.plusSeconds(7200), "staff-water", "배관 교체 완료"));
    cases().save(progressed);
    Case found = cases().find(c.id()).orElseThrow();
    assertEquals(CaseStatus.RESOLVED, found.status());
    assertEquals(progressed.history(), found.history());
  }

  @Test
  public void listsADepartmentsCasesNewestFirst() {
    cases().save(open("C-1", "water", T0));
    cases().save(open("C-2", "water", T0.plusSeconds(10)));
    cases().save(open("C-3", "roads", T0.plusSeconds(20)));
    assertEquals(List.of("C-2", "C-1"),
        cases().byDepartment(new DepartmentId("water"), 10).stream().map(c -> c.id().value()).toList());
  }

  @Test
  public void findsTheCasesAContactWasEscalatedIntoOldestFirst() {
    Case first = open("C-1", "water", T0);
    cases().save(first);
    cases().save(open("C-2", "roads", T0.plusSeconds(10)));
    ContactId contact = first.contacts().get(0);
    assertEquals(List.of("C-1", "C-2"), cases().byContact(contact).stream().map(c -> c.id().value()).toList());
    assertTrue(cases().byContact(new ContactId("no-such-contact")).isEmpty());
  }

  @Test
  public void keepsEveryRowsKindNotesAndDetailAndTheNewDepartmentAndDueDate() {
    Case c = open("C-1", "water", T0);
    cases().save(c);
    Case worked = c.append(new CaseStatusChange(CaseStatus.ACCEPTED, T0.plusSeconds(60), "staff-water", null,
            "담당 부서가 확인했습니다", CaseEntryKind.STATUS, null))
        .append(new CaseStatusChange(CaseStatus.ACCEPTED, T0.plusSeconds(120), "staff-water", "내부 메모", null,
            CaseEntryKind.NOTE, null))
        .reassign(new CaseStatusChange(CaseStatus.OPEN, T0.plusSeconds(180), "staff-water", "도로 파손", null,
            CaseEntryKind.REASSIGNED, "water>roads"), new DepartmentId("roads"), T0.plusSeconds(9 * 86_400))
        .linked(new ContactId("c-2"));
    cases().update(worked, 1);
    Case found = cases().find(c.id()).orElseThrow();
    assertEquals(worked, found);
    assertEquals(4, found.version());
  }

  @Test
  public void anUpdateFromAStaleVersionStoresNothingAndNamesTheCurrentOne() {
    Case c = open("C-1", "water", T0);
    cases().save(c);
    Case noted = c.append(new CaseStatusChange(CaseStatus.OPEN, T0.plusSeconds(60), "a", "first", null,
        CaseEntryKind.NOTE, null));
    cases().update(noted, 1);
    Case other = c.append(new CaseStatusChange(CaseStatus.OPEN, T0.plusSeconds(61), "b", "second", null,
        CaseEntryKind.NOTE, null));
    VersionConflictException e = assertThrows(VersionConflictException.class, () -> cases().update(other, 1));
    assertEquals(2, e.currentVersion());
    assertEquals(noted, cases().find(c.id()).orElseThrow());
  }

  @Test
  public void theInboxShowsNewMineDueSoonAndOverdueCasesOfOneDepartmentOnly() {
    Instant now = T0.plusSeconds(4 * 86_400);
    Case fresh = open("C-1", "water", now.minusSeconds(60));
    Case mine = open("C-2", "water", now.minusSeconds(3600));
    Case overdue = open("C-3", "water", T0);
    Case done = open("C-4", "water", T0);
    Case elsewhere = open("C-5", "roads", T0);
    for (Case c : List.of(fresh, mine, overdue, done, elsewhere)) {
      cases().save(c);
    }
    cases().update(mine.append(new CaseStatusChange(CaseStatus.ACCEPTED, now, "staff-kim", null)), 1);
    cases().update(done.append(new CaseStatusChange(CaseStatus.RESOLVED, now, "staff-kim", null)), 1);
    DepartmentId water = new DepartmentId("water");
    Instant soon = now.plusSeconds(3 * 86_400);
    assertEquals(List.of("C-3", "C-1"), ids(cases().inbox(water, CaseInbox.NEW, "staff-kim", now, soon, 10)));
    assertEquals(List.of("C-2"), ids(cases().inbox(water, CaseInbox.MINE, "staff-kim", now, soon, 10)));
    assertEquals(List.of("C-2", "C-1"), ids(cases().inbox(water, CaseInbox.DUE_SOON, "staff-kim", now, soon, 10)));
    assertEquals(List.of("C-3"), ids(cases().inbox(water, CaseInbox.OVERDUE, "staff-kim", now, soon, 10)));
    assertEquals(List.of("C-3", "C-2", "C-1"), ids(cases().inbox(water, CaseInbox.ACTIVE, null, now, soon, 10)));
    assertEquals(List.of("C-3", "C-5"), ids(cases().dueBefore(now, 10)));
    assertEquals(List.of("C-3", "C-4", "C-5", "C-2", "C-1"), ids(cases().byCitizen(new CitizenId("citizen-kim"))));
  }

  @Test
  public void theFollowUpViewListsLowRatingsWithoutAStaffNoteSinceDoneOrNot() {
    Case low = open("C-1", "water", T0).moveTo(new CaseStatusChange(CaseStatus.RESOLVED, T0.plusSeconds(60),
        "staff-water", null)).append(rating(120, "2"));
    Case high = open("C-2", "water", T0).moveTo(new CaseStatusChange(CaseStatus.RESOLVED, T0.plusSeconds(60),
        "staff-water", null)).append(rating(120, "5"));
    Case answered = open("C-3", "water", T0).moveTo(new CaseStatusChange(CaseStatus.RESOLVED, T0.plusSeconds(60),
        "staff-water", null)).append(rating(120, "1")).append(new CaseStatusChange(CaseStatus.RESOLVED,
        T0.plusSeconds(180), "staff-water", "called back", null, CaseEntryKind.NOTE, null));
    Case elsewhere = open("C-4", "roads", T0).moveTo(new CaseStatusChange(CaseStatus.RESOLVED, T0.plusSeconds(60),
        "staff-roads", null)).append(rating(120, "1"));
    List.of(low, high, answered, elsewhere).forEach(cases()::save);
    assertEquals(List.of("C-1"), ids(cases().inbox(new DepartmentId("water"), CaseInbox.FOLLOW_UP, null, T0,
        T0, 10)));
  }

  private static CaseStatusChange rating(long second, String score) {
    return new CaseStatusChange(CaseStatus.RESOLVED, T0.plusSeconds(second), "citizen", "slow", null,
        CaseEntryKind.RATED, score);
  }

  private static List<String> ids(List<Case> found) {
    return found.stream().map(c -> c.id().value()).toList();
  }

  @Test
  public void findsNothingForAnUnknownCase() {
    assertTrue(cases().find(new CaseId("C-404")).isEmpty());
  }

  @Test
  public void handsOutIncreasingSequenceNumbers() {
    long first = cases().nextSequence();
    long second = cases().nextSequence();
    assertTrue(second > first, second + " > " + first);
  }
}
