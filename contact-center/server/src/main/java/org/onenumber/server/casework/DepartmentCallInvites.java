package org.onenumber.server.casework;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Invitations of a department's staff into a browser call (the three-way relay), pushed on the
 * department portal's live stream ({@code GET /api/v1/case-alerts/stream}, event
 * {@code call-invite}) to the staff of that department only. The portal offers "Join the call",
 * which joins on {@code /ws/call} as the call's third party (the first of them to join; the
 * invitation is then used up). Counts who listens per department, so an invitation nobody would
 * see is refused at once. Thread-safe.
 */
@Singleton
public final class DepartmentCallInvites {

  /** One invitation: the call's contact, the inviting operator and their name, sign or voice. */
  @Serdeable
  public record Invitation(String department, String contactId, String from, String fromName, String mode, String at) {}

  private final Sinks.Many<Invitation> sink = Sinks.many().multicast().directBestEffort();
  private final Map<String, AtomicInteger> listening = new ConcurrentHashMap<>();
  private final InstantSource clock;

  DepartmentCallInvites(InstantSource clock) {
    this.clock = clock;
  }

  /** Pushes the invitation; false when no staff of {@code department} has the portal open. */
  public synchronized boolean invite(String department, String contactId, String from, String fromName, String mode) {
    AtomicInteger count = listening.get(department);
    if (count == null || count.get() <= 0) {
      return false;
    }
    sink.tryEmitNext(new Invitation(department, contactId, from, fromName, mode, clock.instant().toString()));
    return true;
  }

  /** The invitations of {@code department} from now on, while the returned stream is subscribed. */
  public Flux<Invitation> stream(String department) {
    return sink.asFlux().filter(i -> i.department().equals(department))
        .onBackpressureBuffer(CaseAlertHub.VIEWER_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
        .doOnSubscribe(s -> listening.computeIfAbsent(department, d -> new AtomicInteger()).incrementAndGet())
        .doFinally(signal -> listening.get(department).decrementAndGet());
  }
}
