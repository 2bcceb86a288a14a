package org.onenumber.core.casework.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.casework.attachment.AttachToCase;
import org.onenumber.core.casework.attachment.AttachmentRules;
import org.onenumber.core.casework.attachment.AttachmentType;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.RetriableException;
import org.onenumber.testkit.FakeCaseAttachments;
import org.onenumber.testkit.FakeCaseRegistry;
import org.onenumber.testkit.FakeMediaFetchJobs;
import org.onenumber.testkit.FakeRemoteMedia;
import org.onenumber.testkit.ManualClock;

class FetchCaseMediaTest {

  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
  private static final URI PHOTO = URI.create("https://photos.example.org/hole.jpg");

  private final FakeCaseRegistry cases = new FakeCaseRegistry();
  private final FakeCaseAttachments attachments = new FakeCaseAttachments();
  private final FakeMediaFetchJobs jobs = new FakeMediaFetchJobs();
  private final FakeRemoteMedia remote = new FakeRemoteMedia();
  private final ManualClock clock = new ManualClock(T0);
  private final AtomicInteger ids = new AtomicInteger();
  private final AttachToCase attach = new AttachToCase(cases, attachments, AttachmentRules.DEFAULT, clock,
      () -> "att-" + ids.incrementAndGet());
  private final FetchCaseMedia media = new FetchCaseMedia(jobs, remote, attach, attachments, cases,
      MediaFetchPolicy.DEFAULT, clock, () -> "job-" + ids.incrementAndGet());
  private final CaseId pothole = new CaseId("C-20261123-0001");
  private final ContactId mms = new ContactId("c-mms");

  private void openCase(ContactId contact) {
    cases.save(new Case(pothole, new DepartmentId("roads"), "포트홀", CasePriority.NORMAL, "도로 파임",
        new CitizenId("citizen-kim"), List.of(contact), T0.plus(Duration.ofDays(3)),
        List.of(new CaseStatusChange(CaseStatus.OPEN, T0, "op-001", null))));
  }

  private MediaFetchJob only() {
    assertEquals(1, jobs.all().size());
    return jobs.all().get(0);
  }

  @Test
  void aFetchedPictureBecomesAnAttachmentUnderTheJobsId() {
    openCase(new ContactId("c-1"));
    remote.answer(PHOTO, () -> JPEG);
    assertTrue(media.enqueue("open311:" + pothole.value(), pothole, null, PHOTO, "open311"));
    assertEquals(1, media.runDue(10));
    MediaFetchJob job = only();
    assertEquals(MediaFetchJob.State.DONE, job.state());
    var stored = attachments.of(pothole);
    assertEquals(1, stored.size());
    assertEquals(job.id(), stored.get(0).id());
    assertEquals(AttachmentType.JPEG, stored.get(0).type());
    assertEquals("open311", stored.get(0).source());
  }

  @Test
  void aPictureWhoseCitizenWasErasedDuringTheFetchIsNotAttached() {
    openCase(mms);
    remote.answer(PHOTO, () -> {
      jobs.erase(mms);
      return JPEG;
    });
    media.enqueue("mms:m-9#0", null, mms, PHOTO, "mms");
    assertEquals(1, media.runDue(10));
    assertEquals(List.of(), attachments.of(pothole), "nothing attached after the erasure");
    assertEquals(List.of(), jobs.all(), "the erased job is not written back");
  }

  @Test
  void theSameOriginIsQueuedOnce() {
    assertTrue(media.enqueue("mms:m-1#0", null, mms, PHOTO, "mms"));
    assertFalse(media.enqueue("mms:m-1#0", null, mms, PHOTO, "mms"));
    assertEquals(1, jobs.all().size());
  }

  @Test
  void aRefusedLinkFailsAtOnceWithItsReasonAndStoresNothing() {
    openCase(new ContactId("c-1"));
    remote.answer(PHOTO, () -> {
      throw new MediaRefusedException("the address 127.0.0.1 is not a public address");
    });
    media.enqueue("open311:x", pothole, null, PHOTO, "open311");
    assertEquals(1, media.runDue(10));
    assertEquals(MediaFetchJob.State.FAILED, only().state());
    assertEquals("the address 127.0.0.1 is not a public address", only().error());
    assertTrue(attachments.of(pothole).isEmpty());
  }

  @Test
  void somethingThatIsNotAPictureFailsAtOnce() {
    openCase(new ContactId("c-1"));
    remote.answer(PHOTO, () -> "<html>".getBytes());
    media.enqueue("open311:x", pothole, null, PHOTO, "open311");
    media.runDue(10);
    assertEquals(MediaFetchJob.State.FAILED, only().state());
    assertTrue(only().error().contains("JPEG"), only().error());
  }

  @Test
  void anOutageIsRetriedWithGrowingWaitsThenFailsAfterTheLastTry() {
    openCase(new ContactId("c-1"));
    remote.answer(PHOTO, () -> {
      throw new RetriableException("timed out", null);
    });
    media.enqueue("open311:x", pothole, null, PHOTO, "open311");
    assertEquals(0, media.runDue(10));
    assertEquals(T0.plus(Duration.ofMinutes(1)), only().nextAt());
    assertEquals(0, media.runDue(10), "not due yet");
    assertEquals(1, remote.fetched().size());
    clock.advance(Duration.ofMinutes(1));
    media.runDue(10);
    assertEquals(T0.plus(Duration.ofMinutes(3)), only().nextAt());
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofHours(1));
      media.runDue(10);
    }
    assertEquals(MediaFetchJob.State.FAILED, only().state());
    assertEquals(5, only().attempts());
    assertEquals(5, remote.fetched().size());
    assertEquals("timed out", only().error());
  }

  @Test
  void anMmsPictureWaitsForItsContactToBecomeACase() {
    remote.answer(PHOTO, () -> JPEG);
    media.enqueue("mms:m-1#0", null, mms, PHOTO, "mms");
    assertEquals(0, media.runDue(10));
    assertEquals(MediaFetchJob.State.PENDING, only().state());
    assertEquals(0, only().attempts());
    assertTrue(remote.fetched().isEmpty());
    openCase(mms);
    clock.advance(Duration.ofMinutes(5));
    assertEquals(1, media.runDue(10));
    assertEquals(MediaFetchJob.State.DONE, only().state());
    assertEquals(pothole, only().caseId());
    assertEquals(1, attachments.of(pothole).size());
  }

  @Test
  void anMmsPictureWhoseContactNeverBecomesACaseFailsAfterTheWait() {
    media.enqueue("mms:m-1#0", null, mms, PHOTO, "mms");
    clock.advance(Duration.ofDays(7).plusMinutes(1));
    assertEquals(1, media.runDue(10));
    assertEquals("no case was opened for the contact", only().error());
    assertNull(only().caseId());
  }

  @Test
  void aJobWhoseAttachmentIsAlreadyStoredIsDoneWithoutFetchingAgain() {
    openCase(new ContactId("c-1"));
    media.enqueue("open311:x", pothole, null, PHOTO, "open311");
    attach.attach(pothole, JPEG, "open311", "open311", only().id());
    assertEquals(1, media.runDue(10));
    assertEquals(MediaFetchJob.State.DONE, only().state());
    assertTrue(remote.fetched().isEmpty());
  }

  @Test
  void aJobClaimedByAnotherWorkerIsSkipped() {
    openCase(new ContactId("c-1"));
    remote.answer(PHOTO, () -> JPEG);
    media.enqueue("open311:x", pothole, null, PHOTO, "open311");
    MediaFetchJob seen = only();
    assertTrue(jobs.claim(seen, T0.plus(Duration.ofMinutes(2))));
    assertFalse(jobs.claim(seen, T0.plus(Duration.ofMinutes(2))));
    assertEquals(0, media.runDue(10));
    assertTrue(remote.fetched().isEmpty());
  }
}
