package org.onenumber.server.open311;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;
import org.onenumber.channels.open311.GeoReportError;
import org.onenumber.channels.open311.ServiceRequestSubmission;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.intake.IdempotencyKey;
import org.onenumber.server.intake.JdbcIntakeKeys;

/**
 * Open311 filing ({@code POST requests}, the {@code /report/} form) with an optional
 * {@link IdempotencyKey} (issue #11): a retry of a post whose answer was lost files nothing twice.
 * Keys share the intake's table ({@link JdbcIntakeKeys}, TTL {@code onenumber.intake.idempotency-ttl})
 * under their own scope ({@code open311:<client>}, {@code report}).
 *
 * <p>A filing is one transaction ({@link Open311Desk#file}), shared with the filings posted at the
 * same time (the group commits of {@link FilingLanes}: a savepoint each, one commit for all,
 * every answer after that commit; a filing that fails rolls back alone). The key row (contact id, empty answer)
 * is inserted right after the contact, so a concurrent post with the same key waits on it early,
 * and its answer (service_request_id, token, notice) is written before the commit. A post with a key:
 *
 * <ul>
 *   <li>stored with another body: 422, naming no stored value;
 *   <li>stored with its answer: that answer again ({@code replayed});
 *   <li>stored without an answer (only a filing of an earlier version, which committed contact,
 *       case and request separately, leaves one) less than {@link #STALE} ago: 409 (retry later;
 *       what the IETF Idempotency-Key draft prescribes);
 *   <li>stored without an answer longer ago: that first post died between its commits. One repeat claims the key ({@link JdbcIntakeKeys#claim}) and finishes the filing for
 *       the stored contact ({@link Open311Desk#resume}); concurrent repeats get 409;
 *   <li>otherwise a new filing. Of two concurrent first posts the second's key insert fails on the
 *       primary key (in the same group commit it finds the first's row at once; from another
 *       server it waits for the first's commit): its filing rolls back to its savepoint and, once
 *       the batch committed, it answers as a repeat.
 * </ul>
 *
 * Thread-safe.
 */
@Singleton
final class IdempotentFiling {

  /** How long a key without an answer counts as a filing in progress. */
  static final Duration STALE = Duration.ofSeconds(30);

  /** A filing's answer and whether it is an earlier post's. */
  record Answer(String serviceRequestId, String token, String notice, boolean replayed) {

    static Answer of(Open311Desk.Filed filed) {
      return new Answer(filed.request().serviceRequestId(), filed.request().token(), filed.serviceNotice(), false);
    }

    String stored() {
      return serviceRequestId + "\n" + token + "\n" + notice;
    }

    static Answer read(String stored) {
      String[] parts = stored.split("\n", 3);
      return new Answer(parts[0], parts[1], parts[2], true);
    }
  }

  private final Open311Desk desk;
  private final JdbcIntakeKeys keys;
  private final InstantSource clock;
  private final Duration ttl;
  private final FilingLanes commits;

  IdempotentFiling(Open311Desk desk, JdbcIntakeKeys keys, InstantSource clock,
      @Value("${onenumber.intake.idempotency-ttl:24h}") Duration ttl, FilingLanes commits) {
    this.commits = commits;
    this.desk = desk;
    this.keys = keys;
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * Files {@code s} for {@code client}, or answers the key's earlier filing; {@code key} may be null.
   * {@code thenAlso} runs on a filing's result (a fresh or a finished one) before its answer is
   * stored; for a fresh filing, inside its transaction.
   */
  Answer file(ServiceRequestSubmission s, String client, IdempotencyKey key, Consumer<Open311Desk.Filed> thenAlso) {
    if (key == null) {
      return Answer.of(commits.run(() -> desk.file(s, client, contact -> { }, thenAlso)));
    }
    Optional<Answer> earlier = earlier(key, s, client, thenAlso);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Open311Desk.Filed filed;
    try {
      filed = commits.run(() -> desk.file(s, client, contact -> {
        Instant now = clock.instant();
        keys.store(key, contact.id().value(), "", now, now.plus(ttl));
      }, done -> {
        thenAlso.accept(done);
        keys.answer(key, Answer.of(done).stored());
      }));
    } catch (RetriableException e) {
      if (JdbcIntakeKeys.duplicateKey(e)) {
        return earlier(key, s, client, thenAlso).orElseThrow(() -> e);
      }
      throw e;
    }
    return Answer.of(filed);
  }

  private Optional<Answer> earlier(IdempotencyKey key, ServiceRequestSubmission s, String client,
      Consumer<Open311Desk.Filed> thenAlso) {
    Instant now = clock.instant();
    return keys.find(key, now).map(stored -> {
      if (!stored.bodySha256().equals(key.bodySha256())) {
        throw new GeoReportError(422, IdempotencyKey.HEADER
            + " was already used with a different request; use a new key for a new request");
      }
      if (!stored.answer().isEmpty()) {
        return Answer.read(stored.answer());
      }
      if (!keys.claim(key, now.minus(STALE), ttl, now.plus(ttl))) {
        throw new GeoReportError(409, "a request with this " + IdempotencyKey.HEADER
            + " is still being filed; retry in a minute");
      }
      Answer finished = finish(key, desk.resume(new ContactId(stored.contactId()), s, client), thenAlso);
      return new Answer(finished.serviceRequestId(), finished.token(), finished.notice(), true);
    });
  }

  private Answer finish(IdempotencyKey key, Open311Desk.Filed filed, Consumer<Open311Desk.Filed> thenAlso) {
    thenAlso.accept(filed);
    Answer answer = Answer.of(filed);
    keys.answer(key, answer.stored());
    return answer;
  }
}
