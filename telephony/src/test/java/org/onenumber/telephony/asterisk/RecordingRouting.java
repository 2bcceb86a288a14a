package org.onenumber.telephony.asterisk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * the test says to refuse. Thread-safe.
 */
final class RecordingRouting implements OpenContact, RouteContact {

  private final AtomicInteger ids = new AtomicInteger();
  private final List<OpenContactCommand> opened = new ArrayList<>();
  private final List<RoutingCommand> routed = new ArrayList<>();
  private volatile Class<?> refuse;
  private volatile boolean intakeDown;

  @Override
  public synchronized Contact open(OpenContactCommand command) {
    if (intakeDown) {
      throw new org.onenumber.core.error.RetriableException("database unavailable", null);
    }
    opened.add(command);
    return TestData.contact("c-" + ids.incrementAndGet(), command.channel(), command.language(), Instant.now());
  }

  @Override
  public synchronized Decisions route(RoutingCommand command) {
    routed.add(command);
    notifyAll();
    return new Decisions(List.of(), List.of(), refuse != null && refuse.isInstance(command) ? "refused" : null);
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
