package org.onenumber.telephony.asterisk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.TestData;

/**
 * Intake and routing as the IVR sees them, recording what it was told: contacts opened get ids
 * {@code c-1}, {@code c-2}…; every routing command is agreed to (no decisions), except the kinds
 * the test says to refuse; the journal's commit can be held ({@link #holdCommits()}), and
 * {@code route} can give up waiting for it ({@link #giveUpWhileHeld()}). Thread-safe.
 */
final class RecordingRouting implements OpenContact, RouteContact {

  private final AtomicInteger ids = new AtomicInteger();
  private final List<OpenContactCommand> opened = new ArrayList<>();
  private final List<RoutingCommand> routed = new ArrayList<>();
  private volatile Class<?> refuse;
  private volatile boolean intakeDown;
  private volatile boolean gaveUpWhileHeld;
  private volatile CompletableFuture<Void> commit = CompletableFuture.completedFuture(null);

  @Override
  public synchronized Contact open(OpenContactCommand command) {
    if (intakeDown) {
      throw new org.onenumber.core.error.RetriableException("database unavailable", null);
    }
    opened.add(command);
    return TestData.contact("c-" + ids.incrementAndGet(), command.channel(), command.language(), Instant.now());
  }

  @Override
  public Decisions route(RoutingCommand command) {
    if (gaveUpWhileHeld && !commit.isDone()) {
      record(command); // queued: it is journaled once the commit comes
      throw new org.onenumber.core.error.RetriableException("routing did not answer within 10 s", null);
    }
    awaitCommit();
    return record(command);
  }

  private synchronized Decisions record(RoutingCommand command) {
    routed.add(command);
    notifyAll();
    return new Decisions(List.of(), List.of(), refuse != null && refuse.isInstance(command) ? "refused" : null);
  }

  /**
   * As the server's routing: recorded at once, the stage completing when the commit comes (at once
   * unless {@link #holdCommits()}).
   */
  @Override
  public CompletionStage<Decisions> routeUntilJournaled(RoutingCommand command) {
    Decisions decisions = record(command);
    return commit.thenApply(released -> decisions);
  }

  /**
   * The journal's commit is held from now until {@link #releaseCommits()}: {@link #route} waits
   * for it (up to 30 s), {@link #routeUntilJournaled} answers at once with a stage that waits.
   */
  void holdCommits() {
    commit = new CompletableFuture<>();
  }

  /**
   * From now, while commits are held, {@link #route} gives up waiting at once as the server's does
   * after 10 s ("routing busy"): the command stays queued and is journaled with the next commit.
   */
  void giveUpWhileHeld() {
    gaveUpWhileHeld = true;
  }

  void releaseCommits() {
    commit.complete(null);
  }

  private void awaitCommit() {
    try {
      commit.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the commit was held too long", e);
    }
  }

  @Override
  public void routeLater(RoutingCommand command) {
    route(command);
  }

  void intakeDown() {
    intakeDown = true;
  }

  void refuse(Class<? extends RoutingCommand> kind) {
    refuse = kind;
  }

  synchronized List<OpenContactCommand> opened() {
    return List.copyOf(opened);
  }

  synchronized List<RoutingCommand> routed() {
    return List.copyOf(routed);
  }

  /** Waits for a routing command of {@code kind}; fails after 10 s. */
  synchronized <T extends RoutingCommand> T await(Class<T> kind) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      for (RoutingCommand c : routed) {
        if (kind.isInstance(c)) {
          return kind.cast(c);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + kind.getSimpleName() + " within 10 s; routing got " + routed);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
