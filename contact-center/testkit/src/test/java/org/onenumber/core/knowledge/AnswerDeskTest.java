package org.onenumber.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.onenumber.testkit.AnswerTestData.content;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.event.AnswerChanged;
import org.onenumber.testkit.AnswerTestData;
import org.onenumber.testkit.DirectTransactions;
import org.onenumber.testkit.FakeAnswerIndex;
import org.onenumber.testkit.FakeAnswerStore;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.RecordingEventPublisher;

class AnswerDeskTest {

  private final ManualClock clock = new ManualClock();
  private final FakeAnswerStore store = new FakeAnswerStore();
  private final FakeAnswerIndex index = new FakeAnswerIndex();
  private final RecordingEventPublisher events = new RecordingEventPublisher();
  private final AnswerDesk desk =
      new AnswerDesk(new AnswerPorts(store, index, events, new DirectTransactions(), clock, new SplittableRandom(7)));

  private long liveHits(String text) {
    return desk.search(AnswerQuery.of(text, clock.instant())).total();
  }

  @Test
  public void aDraftIsSearchableOnlyOncePublished() {
    Answer draft = desk.createDraft(content("Pothole report", "Call 120.", "Roads"), "staff-roads");
    assertEquals(0, liveHits("pothole"));
    desk.moveTo(draft.id(), ReviewStatus.IN_REVIEW, "staff-roads");
    assertEquals(0, liveHits("pothole"));
    desk.moveTo(draft.id(), ReviewStatus.PUBLISHED, "sv-01");
    assertEquals(1, liveHits("pothole"));
  }

  @Test
  public void everyChangeIsVersionedWithAuthorAndTime() {
    Answer draft = desk.createDraft(content("Pothole report", "Call 120.", "Roads"), "staff-roads");
    clock.advanceSeconds(60);
    desk.editDraft(draft.id(), 1, content("Pothole reporting", "Call 120 or use the app.", "Roads"), "staff-roads");
    desk.moveTo(draft.id(), ReviewStatus.IN_REVIEW, "staff-roads");
    List<AnswerVersion> history = desk.history(draft.id());
    assertEquals(List.of(1, 2, 3), history.stream().map(AnswerVersion::version).toList());
    assertEquals(List.of("created", "edited", "in_review"), history.stream().map(AnswerVersion::change).toList());
    assertEquals(clock.instant(), history.get(2).at());
    assertEquals(3, events.events().stream().filter(e -> e instanceof AnswerChanged).count());
  }

  @Test
  public void aStaleEditIsRefused() {
    Answer draft = desk.createDraft(content("Pothole report", "Call 120.", "Roads"), "a");
    desk.editDraft(draft.id(), 1, content("Pothole report v2", "x", "Roads"), "a");
    assertThrows(IllegalTransitionException.class,
        () -> desk.editDraft(draft.id(), 1, content("Pothole report v3", "y", "Roads"), "b"));
  }

  @Test
  public void aPublishedAnswerCannotBeEditedWithoutReopening() {
    Answer a = desk.createDraft(content("Pothole report", "Call 120.", "Roads"), "a");
    desk.moveTo(a.id(), ReviewStatus.IN_REVIEW, "a");
    Answer published = desk.moveTo(a.id(), ReviewStatus.PUBLISHED, "sv");
    assertThrows(IllegalTransitionException.class,
        () -> desk.editDraft(a.id(), published.version(), content("x", "y", "Roads"), "a"));
    assertThrows(IllegalTransitionException.class, () -> desk.moveTo(a.id(), ReviewStatus.IN_REVIEW, "a"));
  }

  @Test
  public void expireDueMovesEndedAnswersToExpired() {
    var c = AnswerTestData.withValidity(content("Flu shots", "Free in October.", "Health"),
        new ValidityPeriod(null, clock.instant().plus(Duration.ofDays(1))));
    Answer a = desk.createDraft(c, "a");
    desk.moveTo(a.id(), ReviewStatus.IN_REVIEW, "a");
    desk.moveTo(a.id(), ReviewStatus.PUBLISHED, "sv");
    assertEquals(0, desk.expireDue("system"));
    clock.advance(Duration.ofDays(2));
    assertEquals(1, desk.expireDue("system"));
    assertEquals(ReviewStatus.EXPIRED, desk.get(a.id()).status());
  }

  @Test
  public void unknownAnswersAreNotFound() {
    assertThrows(NotFoundException.class, () -> desk.get(new AnswerId("nope")));
  }

  @Test
  public void importPublishesAndReplacesByExternalId() {
    AnswerImport importer =
        new AnswerImport(new AnswerPorts(store, index, events, new DirectTransactions(), clock, new SplittableRandom(1)));
    var first = List.of(AnswerTestData.withExternalId(content("Mask rules", "Wear one.", "Health"), "x1"));
    ImportReport r1 = importer.importAnswers(first.iterator(), 1, "import", p -> {});
    var second = List.of(AnswerTestData.withExternalId(content("Mask rules updated", "No longer needed.", "Health"), "x1"));
    importer.importAnswers(second.iterator(), 1, "import", p -> {});
    assertEquals(1, r1.accepted());
    assertEquals(1, store.count());
    Answer a = store.findByExternalId("x1").orElseThrow();
    assertEquals(ReviewStatus.PUBLISHED, a.status());
    assertEquals(2, a.version());
    assertEquals(1, liveHits("updated"));
  }

  @Test
  public void reviewStatusMachineHasNoWayOutOfArchived() {
    for (ReviewStatus s : ReviewStatus.values()) {
      assertEquals(false, ReviewStatus.ARCHIVED.canMoveTo(s));
    }
  }
}
