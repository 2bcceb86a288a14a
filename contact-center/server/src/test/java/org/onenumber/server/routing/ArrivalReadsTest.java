package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.RetriableException;

/**
 * Routing's arrival reads are bounded (issue 17): a burst of arrivals starts at most the permitted
 * reads ahead (New York's day at 100× started one virtual thread per arrival: 2,729 at once on 16
 * connections); the others are read by the routing context at their turn, together, in one
 * statement per {@link ArrivalReads#BATCH}.
 */
class ArrivalReadsTest {

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final List<List<ContactId>> statements = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch journalSlow = new CountDownLatch(1);

  private Optional<Contact> readOne(ContactId id) {
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      journalSlow.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
    return Optional.of(contact(id));
  }

  private List<Contact> readMany(List<ContactId> ids) {
    statements.add(ids);
    return ids.stream().map(ArrivalReadsTest::contact).toList();
  }

  @Test
  void aBurstReadsAtMostThePermittedAheadAndTheRestTogetherAtTheirTurn() throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      ArrivalReads reads = new ArrivalReads(2, threads, this::readOne, this::readMany);
      List<ArrivalReads.Read> burst = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        burst.add(reads.start(new ContactId("c-" + i)));
      }
      Thread.sleep(100);
      assertTrue(mostInFlight.get() <= 2, "reads ahead in flight at once: " + mostInFlight.get());

      // the first two are still being read ahead: the context reads each of them with the unread ones
      for (ArrivalReads.Read read : burst) {
        assertTrue(reads.take(read).isPresent());
      }
      journalSlow.countDown();
      int read = statements.stream().mapToInt(List::size).sum();
      assertTrue(statements.size() <= 1000 / ArrivalReads.BATCH + 2, statements.size() + " statements for 1,000 arrivals");
      assertTrue(statements.stream().allMatch(s -> s.size() <= ArrivalReads.BATCH), "at most a batch a statement");
      assertTrue(read <= 1000, read + " contacts read by the context (each at most once)");
    }
  }

  @Test
  void aReadAheadIsTakenOnceAndARetryReadsAgain() throws Exception {
    journalSlow.countDown();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      ArrivalReads reads = new ArrivalReads(1, threads, this::readOne, this::readMany);
      ArrivalReads.Read ahead = reads.start(new ContactId("c-1"));
      Thread.sleep(50);
      assertEquals("c-1", reads.take(ahead).orElseThrow().id().value());
      assertEquals(List.of(), statements, "read ahead: the context did not read it");
      assertEquals("c-1", reads.take(ahead).orElseThrow().id().value());
      assertEquals(List.of(List.of(new ContactId("c-1"))), statements, "a retry reads it again");
    }
  }

  @Test
  void aFailedBatchReadFailsTheArrivalAndLeavesTheOthersToTheirTurn() {
    AtomicInteger calls = new AtomicInteger();
    ArrivalReads reads = new ArrivalReads(0, Runnable::run, this::readOne, ids -> {
      if (calls.incrementAndGet() == 1) {
        throw new RetriableException("journal down", null);
      }
      return readMany(ids);
    });
    ArrivalReads.Read first = reads.start(new ContactId("c-1"));
    ArrivalReads.Read second = reads.start(new ContactId("c-2"));
    assertThrows(RetriableException.class, () -> reads.take(first));
    assertEquals("c-2", reads.take(second).orElseThrow().id().value());
    assertEquals("c-1", reads.take(first).orElseThrow().id().value());
  }

  @Test
  void aContactTheJournalDoesNotHoldIsEmpty() {
    ArrivalReads reads = new ArrivalReads(0, Runnable::run, this::readOne, ids -> List.of());
    assertTrue(reads.take(reads.start(new ContactId("gone"))).isEmpty());
  }

  private static Contact contact(ContactId id) {
    return Contact.create(id, Channel.VOICE, new CitizenId("citizen-" + id.value()), Language.KOREAN, Set.of(), 0,
        "topic", Instant.parse("2026-12-03T10:00:00Z"));
  }
}
