package org.onenumber.core.port.out;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.AnswerSearchResult;
import org.onenumber.core.knowledge.NearestFacility;
import org.onenumber.core.knowledge.RebuildProgress;
import org.onenumber.core.knowledge.SuggestionQuery;

/**
 * The searchable copy of the answers. Derived from {@link AnswerStore}: it may be thrown away and
 * rebuilt at any time. Implementations are thread-safe; a change made through {@link #index} or
 * {@link #delete} is visible to searches within 100 ms without a rebuild.
 */
public interface AnswerIndex {

  /** Adds the answer, or replaces the one with the same id. */
  void index(Answer answer);

  void delete(AnswerId id);

  /** Makes every change made so far visible to the next search, blocking until it is. */
  void refresh();

  AnswerSearchResult search(AnswerQuery query);

  /**
   * Live answers for a citizen's message, best first: its content words only (function words,
   * particles and endings dropped), and nothing rather than answers below the index's relevance
   * floor. This default is the plain search of the message, for indexes without a suggestion path.
   */
  default List<AnswerHit> suggestFor(SuggestionQuery query) {
    return search(query.asSearch()).hits();
  }

  /** Titles of live answers whose words start with what was typed, best first. */
  List<String> suggest(String prefix, Language language, int limit, Instant at);

  /** The {@code limit} live answers with a facility of {@code type} closest to the point, nearest first. */
  List<NearestFacility> nearest(double latitude, double longitude, String type, int limit, Instant at);

  /**
   * Replaces the whole index by {@code answers}, reporting progress through {@link
   * #rebuildProgress()}. Searches keep seeing the old contents until the rebuild has finished.
   *
   * @param expected how many answers the iterator will give, for the percentage; 0 if unknown
   */
  void rebuild(Iterator<Answer> answers, long expected);

  RebuildProgress rebuildProgress();

  /** How many answers (of any status) the searchable view holds. */
  long size();

  /**
   * The version of every answer the index holds, including changes not yet visible to searches
   * or not yet durable, for {@link org.onenumber.core.knowledge.AnswerIndexCatchUp}; an answer
   * indexed by a version of the software that did not record versions has version -1.
   */
  Map<AnswerId, Long> versions();
}
