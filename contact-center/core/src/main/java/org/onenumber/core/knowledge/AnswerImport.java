package org.onenumber.core.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.onenumber.core.Ids;
import org.onenumber.core.event.AnswersImported;
import org.onenumber.core.port.in.ImportAnswers;
import org.onenumber.core.port.out.AnswerIndex;
import org.onenumber.core.port.out.AnswerStore;
import org.onenumber.core.port.out.EventPublisher;
import org.onenumber.core.port.out.Transactions;

/**
 * Bulk import of published answers, in transactions of {@value #BATCH} answers.
 *
 * <ol>
 *   <li>An external id seen before replaces that answer's content as a new published version.
 *   <li>An archived answer with that external id is left alone and reported as rejected.
 *   <li>Otherwise a new answer is created directly as published (version 1).
 * </ol>
 *
 * Each batch is indexed after it commits. Not thread-safe per call (one import at a time per
 * caller); a failing batch rolls back only itself and the exception propagates.
 */
public final class AnswerImport implements ImportAnswers {

  static final int BATCH = 250;

  private final AnswerStore store;
  private final AnswerIndex index;
  private final EventPublisher events;
  private final Transactions transactions;
  private final InstantSource clock;
  private final RandomGenerator random;

  public AnswerImport(
      AnswerStore store,
      AnswerIndex index,
      EventPublisher events,
      Transactions transactions,
      InstantSource clock,
      RandomGenerator random) {
    this.store = store;
    this.index = index;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public ImportReport importAnswers(
      Iterator<AnswerContent> contents, long expected, String author, Consumer<RebuildProgress> progress) {
    Instant started = clock.instant();
    List<String> rejected = new ArrayList<>();
    long accepted = 0;
    while (contents.hasNext()) {
      List<AnswerContent> batch = new ArrayList<>(BATCH);
      while (contents.hasNext() && batch.size() < BATCH) {
        batch.add(contents.next());
      }
      List<Answer> saved = transactions.inTransaction(() -> saveBatch(batch, author, rejected));
      saved.forEach(index::index);
      accepted += saved.size();
      progress.accept(progress(accepted + rejected.size(), expected, started, true));
    }
    progress.accept(progress(accepted + rejected.size(), expected, started, false));
    events.publish(new AnswersImported(accepted, rejected.size(), author, clock.instant()));
    return new ImportReport(accepted, rejected);
  }

  private List<Answer> saveBatch(List<AnswerContent> batch, String author, List<String> rejected) {
    List<Answer> saved = new ArrayList<>(batch.size());
    Instant now = clock.instant();
    for (AnswerContent content : batch) {
      Optional<Answer> known =
          content.externalId() == null ? Optional.empty() : store.findByExternalId(content.externalId());
      if (known.isPresent() && known.get().status() == ReviewStatus.ARCHIVED) {
        rejected.add(content.externalId() + ": archived, not replaced");
        continue;
      }
      Answer answer =
          known
              .map(a -> new Answer(a.id(), content, ReviewStatus.PUBLISHED, a.version() + 1, author, now))
              .orElseGet(
                  () ->
                      new Answer(
                          new AnswerId(Ids.timeOrdered(now, random)), content, ReviewStatus.PUBLISHED, 1, author, now));
      store.save(answer, "imported");
      saved.add(answer);
    }
    return saved;
  }

  private RebuildProgress progress(long done, long expected, Instant started, boolean running) {
    double seconds = Math.max(1e-3, Duration.between(started, clock.instant()).toNanos() / 1e9);
    return new RebuildProgress(done, expected, done / seconds, running);
  }
}
