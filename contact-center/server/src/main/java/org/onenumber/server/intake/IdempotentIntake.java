package org.onenumber.server.intake;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.server.api.Views.ContactView;
import org.onenumber.server.persistence.GroupCommitLanes;

/**
 * Intake with an optional {@link IdempotencyKey}. Without a key: a fresh contact. With one:
 *
 * <ul>
 *   <li>a stored, unexpired key with the same body hash answers its first answer again (the
 *       contact as it was when it was opened), {@code replayed};
 *   <li>the same key with another body is refused with 422 naming no stored value;
 *   <li>otherwise the contact is opened and the key stored in its transaction. Two concurrent posts
 *       of one key: the second's insert waits for the first's commit and fails on the primary key,
 *       its contact rolls back and it answers the first's answer.
 * </ul>
 *
 * The contact is handed to routing as journaled ({@link IntakeToRouting}). The contact (and its key) is written in the inbound messages' group commit ({@link
 * GroupCommitLanes}, the lane of the citizen's identity, as a text's contact is): concurrent posts
 * share one transaction and one commit, and each answers after the commit holding it. Each used to
 * take a connection of the shared pool for its own transaction; at New York's peak the contacts lane
 * waited for that pool (issue 17, session 16). The key's look-up runs in the same lane item, before the
 * contact is opened (session 17: it used to be a shared-pool read and a transaction of its own first).
 *
 * <p>Keys live {@code onenumber.intake.idempotency-ttl} (24 h). Thread-safe.
 */
@Singleton
public final class IdempotentIntake {

  /** What to answer: the contact's view and whether it is an earlier post's answer. */
  public record Answer(ContactView contact, boolean replayed) {}

  private final IntakeToRouting intake;
  private final JdbcIntakeKeys keys;
  private final JsonMapper json;
  private final InstantSource clock;
  private final Duration ttl;
  private final GroupCommitLanes commits;

  IdempotentIntake(IntakeToRouting intake, JdbcIntakeKeys keys, JsonMapper json, InstantSource clock,
      @Value("${onenumber.intake.idempotency-ttl:24h}") Duration ttl,
      @Named("inbound-messages") GroupCommitLanes commits) {
    this.commits = commits;
    this.intake = intake;
    this.keys = keys;
    this.json = json;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** Opens the contact, or answers the key's first answer; {@code key} may be null. */
  public Answer open(OpenContactCommand command, IdempotencyKey key) {
    Object lane = command.identity().value();
    if (key == null) {
      return new Answer(ContactView.of(commits.run(lane, () -> intake.open(command))), false);
    }
    try {
      // the key's look-up in the lane's transaction too: no shared connection, no transaction of its own
      Keyed keyed = commits.run(lane, () -> keys.find(key, clock.instant()).map(stored -> new Keyed(stored, null))
          .orElseGet(() -> new Keyed(null, openAndKeep(command, key))));
      return keyed.stored() == null ? new Answer(keyed.opened(), false) : answerOf(key, keyed.stored());
    } catch (RetriableException e) {
      if (JdbcIntakeKeys.duplicateKey(e)) {
        return earlier(key).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  /** What the lane found for a key: its earlier post's row, or the contact it opened now. */
  private record Keyed(JdbcIntakeKeys.Stored stored, ContactView opened) {}

  /** Opens the contact and stores the key with its answer, in the caller's (the lane's) transaction. */
  private ContactView openAndKeep(OpenContactCommand command, IdempotencyKey key) {
    ContactView[] opened = new ContactView[1];
    intake.open(command, contact -> {
      opened[0] = ContactView.of(contact);
      Instant now = clock.instant();
      keys.store(key, contact.id().value(), write(opened[0]), now, now.plus(ttl));
    });
    return opened[0];
  }

  private Optional<Answer> earlier(IdempotencyKey key) {
    return keys.find(key, clock.instant()).map(stored -> answerOf(key, stored));
  }

  /** The earlier post's answer, replayed; 422 when this post's body differs. */
  private Answer answerOf(IdempotencyKey key, JdbcIntakeKeys.Stored stored) {
    if (!stored.bodySha256().equals(key.bodySha256())) {
      throw new HttpStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
          IdempotencyKey.HEADER + " was already used with a different request body; use a new key for a new request");
    }
    return new Answer(read(stored.answer()), true);
  }

  private String write(ContactView view) {
    try {
      return json.writeValueAsString(view);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ContactView read(String answer) {
    try {
      return json.readValue(answer, ContactView.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
