package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;

/**
 * One wrap-up of a contact at a time (issue 11, session 22): a later try of the same contact runs after the one
 * in flight, another contact's does not wait, a try that failed lets the next one go, and a try stuck longer
 * than the bound no longer holds the next. The tries here are plain functions held on a latch.
 */
class WrapUpsInFlightTest {

  private final ContactId contact = new ContactId("c-1");
  private final List<String> order = new CopyOnWriteArrayList<>();
  /** A thread per try (the common pool may have one thread on two cores). */
  private final Executor tries = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("wrap-up-try-", 0).factory());

  private CompletableFuture<String> held(WrapUpsInFlight gate, ContactId of, String name, CountDownLatch release) {
    CompletableFuture<String> done = CompletableFuture.supplyAsync(() -> gate.oneAtATime(of, () -> {
      order.add(name + " runs");
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      order.add(name + " ends");
      return name;
    }), tries);
    await().atMost(Duration.ofSeconds(5)).until(() -> order.contains(name + " runs"));
    return done;
  }

  @Test
  void aLaterTryOfTheSameContactRunsOnceTheFirstEndedAnotherContactsAtOnce() throws Exception {
    WrapUpsInFlight gate = new WrapUpsInFlight();
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = held(gate, contact, "first", release);

    assertEquals("other", gate.oneAtATime(new ContactId("c-2"), () -> "other"), "another contact does not wait");
    CompletableFuture<String> repeat = CompletableFuture.supplyAsync(() -> gate.oneAtATime(contact, () -> {
      order.add("repeat runs");
      return "repeat";
    }), tries);
    await().atMost(Duration.ofSeconds(5)).until(() -> gate.waiting() == 1);
    assertFalse(repeat.isDone());
    release.countDown();

    assertEquals("repeat", repeat.get(5, TimeUnit.SECONDS));
    assertEquals("first", first.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("first runs", "first ends", "repeat runs"), order);
    assertFalse(gate.running(contact), "the entry goes with its try");
  }

  @Test
  void aFailedTryLetsTheNextGoAndLeavesNoEntry() {
    WrapUpsInFlight gate = new WrapUpsInFlight();
    assertThrows(IllegalStateException.class, () -> gate.oneAtATime(contact, () -> {
      throw new IllegalStateException("routing refused it");
    }));
    assertFalse(gate.running(contact));
    assertEquals("next", gate.oneAtATime(contact, () -> "next"));
  }

  @Test
  void aTryStuckBeyondTheBoundNoLongerHoldsTheNext() throws Exception {
    WrapUpsInFlight gate = new WrapUpsInFlight(Duration.ofMillis(100));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> stuck = held(gate, contact, "stuck", release);

    assertEquals("next", gate.oneAtATime(contact, () -> "next"), "ran ungated after the bound");
    release.countDown();
    assertEquals("stuck", stuck.get(5, TimeUnit.SECONDS));
    assertFalse(gate.running(contact));
  }
}
