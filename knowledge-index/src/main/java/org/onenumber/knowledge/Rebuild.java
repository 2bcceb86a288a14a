package org.onenumber.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.RebuildProgress;

/**
 * A full rebuild of the index from an iterator of answers.
 *
 * <ol>
 *   <li>Mark running: the refresher stops reopening, so searches keep the old view.
 *   <li>Delete everything (uncommitted) and add every answer, reporting progress every
 *       {@value #REPORT_EVERY} answers to the log and {@link #progress()}.
 *   <li>Merge into one segment (a search then looks each term up once, and the index is
 *       read-mostly: edits add small segments that the merge policy folds in), commit, reopen the
 *       view, mark finished.
 *   <li>On failure: mark finished, reopen (searches then see what was added) and rethrow; run it
 *       again from the database.
 * </ol>
 *
 * One rebuild at a time (a second caller waits). Thread-safe.
 */
final class Rebuild {

  static final int REPORT_EVERY = 5_000;
  private static final System.Logger LOG = System.getLogger(Rebuild.class.getName());

  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.IDLE);
  private volatile boolean running;

  Rebuild(IndexWriter writer, SearcherManager searchers) {
    this.writer = writer;
    this.searchers = searchers;
  }

  boolean running() {
    return running;
  }

  RebuildProgress progress() {
    return progress.get();
  }

  void run(Iterator<Answer> answers, long expected) {
    lock.lock();
    running = true;
    long started = System.nanoTime();
    long done = 0;
    try {
      progress.set(new RebuildProgress(0, expected, 0, true));
      writer.deleteAll();
      while (answers.hasNext()) {
        writer.addDocument(AnswerDocuments.toDocument(answers.next()));
        if (++done % REPORT_EVERY == 0) {
          report(done, expected, started, true);
        }
      }
      writer.forceMerge(1);
      writer.commit();
      report(done, expected, started, false);
    } catch (IOException e) {
      report(done, expected, started, false);
      throw new UncheckedIOException("answer index rebuild failed after " + done + " answers", e);
    } finally {
      running = false;
      try {
        searchers.maybeRefreshBlocking();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "reopen after rebuild failed", e);
      }
      lock.unlock();
    }
  }

  private void report(long done, long expected, long startedNanos, boolean stillRunning) {
    double seconds = Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
    RebuildProgress p = new RebuildProgress(done, expected, done / seconds, stillRunning);
    progress.set(p);
    LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
        "answer index rebuild %.1f%% (%d/%d) %.0f docs/s%s", p.percent(), done, expected, p.docsPerSecond(),
        stillRunning ? "" : " done"));
  }
}
