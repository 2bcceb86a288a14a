package org.onenumber.core.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.onenumber.core.Ids;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.event.AnswerChanged;
import org.onenumber.core.port.in.AuthorAnswer;
import org.onenumber.core.port.in.ReviewAnswer;
import org.onenumber.core.port.in.SearchAnswers;

/**
 * Searching, authoring and reviewing answers. Every change is written to the {@link AnswerStore}
 * (with a history entry) inside a transaction, then handed to the {@link AnswerIndex} and
 * announced as an {@link AnswerChanged} event. Thread-safe when its ports are; a concurrent edit of
 * the same answer fails with {@link IllegalTransitionException} (optimistic, by version).
 */
public final class AnswerDesk implements SearchAnswers, AuthorAnswer, ReviewAnswer {

  private static final int EXPIRY_BATCH = 500;

  private final AnswerPorts ports;

  public AnswerDesk(AnswerPorts ports) {
    this.ports = ports;
  }

  @Override
  public AnswerSearchResult search(AnswerQuery query) {
    return ports.index().search(query);
  }

  @Override
  public List<AnswerHit> suggestFor(String message, List<Language> languages, int limit) {
    return ports.index().suggestFor(new SuggestionQuery(message, languages, limit, ports.clock().instant()));
  }

  @Override
  public List<String> suggest(String prefix, Language language, int limit) {
    return ports.index().suggest(prefix, language, limit, ports.clock().instant());
  }

  @Override
  public List<NearestFacility> nearest(double latitude, double longitude, String type, int limit) {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new InvalidInputException("lat must be -90..90 and lon -180..180");
    }
    if (limit < 1 || limit > 100) {
      throw new InvalidInputException("limit must be 1..100");
    }
    return ports.index().nearest(latitude, longitude, type, limit, ports.clock().instant());
  }

  @Override
  public Answer createDraft(AnswerContent content, String author) {
    Instant now = ports.clock().instant();
    Answer draft = Answer.draft(new AnswerId(Ids.timeOrdered(now, ports.random())), content, author, now);
    return commit(draft, "created");
  }

  @Override
  public Answer editDraft(AnswerId id, int expectedVersion, AnswerContent content, String author) {
    Answer current = get(id);
    if (current.version() != expectedVersion) {
      throw new IllegalTransitionException("answer " + id + " version", expectedVersion, current.version());
    }
    return commit(current.edit(content, author, ports.clock().instant()), "edited");
  }

  @Override
  public Answer get(AnswerId id) {
    return ports.store().find(id).orElseThrow(() -> new NotFoundException("answer", id));
  }

  @Override
  public List<AnswerVersion> history(AnswerId id) {
    get(id);
    return ports.store().history(id);
  }

  @Override
  public Answer moveTo(AnswerId id, ReviewStatus next, String author) {
    Answer moved = get(id).moveTo(next, author, ports.clock().instant());
    return commit(moved, next.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public int expireDue(String author) {
    int expired = 0;
    List<Answer> due;
    do {
      due = ports.store().publishedEndedBy(ports.clock().instant(), EXPIRY_BATCH);
      for (Answer answer : due) {
        commit(answer.moveTo(ReviewStatus.EXPIRED, author, ports.clock().instant()), "expired");
        expired++;
      }
    } while (due.size() == EXPIRY_BATCH);
    return expired;
  }

  private Answer commit(Answer answer, String change) {
    ports.transactions().inTransaction(
        () -> {
          ports.store().save(answer, change);
          return answer;
        });
    ports.index().index(answer);
    ports.events().publish(
        new AnswerChanged(answer.id(), answer.version(), answer.status(), change, answer.author(), answer.changedAt()));
    return answer;
  }
}
