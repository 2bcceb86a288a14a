package org.onenumber.core.knowledge;

import java.util.HashMap;
import java.util.Map;
import org.onenumber.core.port.out.AnswerIndex;
import org.onenumber.core.port.out.AnswerStore;

/**
 * Brings an index that survived a restart up to date with the store, without a rebuild.
 *
 * <ol>
 *   <li>Read the version of every answer the index holds.
 *   <li>For every answer in the store: missing from the index, or indexed at another version (the
 *       index commits every few seconds, so a crash can lose its last changes): index it.
 *   <li>Answers the index holds that the store does not: delete them.
 * </ol>
 *
 * Searches keep working meanwhile; each repaired answer becomes visible like any other change.
 * Stateless.
 */
public final class AnswerIndexCatchUp {

  /** What a catch-up did: answers compared, (re)indexed, and deleted from the index. */
  public record Report(long checked, long indexed, long deleted) {}

  private AnswerIndexCatchUp() {}

  public static Report run(AnswerStore store, AnswerIndex index) {
    Map<AnswerId, Long> indexed = new HashMap<>(index.versions());
    long[] checked = {0};
    long[] repaired = {0};
    store.forEach(answer -> {
      checked[0]++;
      Long version = indexed.remove(answer.id());
      if (version == null || version != answer.version()) {
        index.index(answer);
        repaired[0]++;
      }
    });
    indexed.keySet().forEach(index::delete);
    return new Report(checked[0], repaired[0], indexed.size());
  }
}
