package org.onenumber.core.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.onenumber.core.Ids;
import org.onenumber.core.event.AnswersImported;
import org.onenumber.core.port.in.ImportAnswers;

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

  private final AnswerPorts ports;

  public AnswerImport(AnswerPorts ports) {
    this.ports = ports;
  }

  @Override
  public ImportReport importAnswers(
      Iterator<AnswerContent> contents, long expected, String author, Consumer<RebuildProgress> progress) {
    Instant started = ports.clock().instant();
    List<String> rejected = new ArrayList<>();
    long accepted = 0;
    while (contents.hasNext()) {
      List<AnswerContent> batch = new ArrayList<>(BATCH);
      while (contents.hasNext() && batch.size() < BATCH) {
        batch.add(contents.next());
      }
      List<Answer> saved = ports.transactions().inTransaction(() -> saveBatch(batch, author, rejected));
      saved.forEach(ports.index()::index);
      accepted += saved.size();
      progress.accept(progress(accepted + rejected.size(), expected, started, true));
    }
    progress.accept(progress(accepted + rejected.size(), expected, started, false));
    ports.events().publish(new AnswersImported(accepted, rejected.size(), author, ports.clock().instant()));
    return new ImportReport(accepted, rejected);
  }

  private List<Answer> saveBatch(List<AnswerContent> batch, String author, List<String> rejected) {
    List<Answer> saved = new ArrayList<>(batch.size());
    Instant now = ports.clock().instant();
    for (AnswerContent content : batch) {
      Optional<Answer> known =
          content.externalId() == null ? Optional.empty() : ports.store().findByExternalId(content.externalId());
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
                          new AnswerId(Ids.timeOrdered(now, ports.random())), content, ReviewStatus.PUBLISHED, 1, author, now));
      ports.store().save(answer, "imported");
      saved.add(answer);
    }
    return saved;
  }

  private RebuildProgress progress(long done, long expected, Instant started, boolean running) {
    double seconds = Math.max(1e-3, Duration.between(started, ports.clock().instant()).toNanos() / 1e9);
    return new RebuildProgress(done, expected, done / seconds, running);
  }
}
