package org.onenumber.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.onenumber.testkit.AnswerTestData.AT;
import static org.onenumber.testkit.AnswerTestData.published;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerIndexCatchUp;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.testkit.FakeAnswerStore;

/** An index on disk that missed changes while the server was down catches up from the store. */
class OnDiskCatchUpTest {

  @TempDir
  Path dir;

  @Test
  public void aReopenedIndexCatchesUpWithChangesItMissed() {
    Answer v2 = published("a1", "Snow removal", "b", "Roads");
    try (LuceneAnswerIndex index = LuceneAnswerIndex.open(dir)) {
      index.index(v2);
      index.index(published("gone", "Old answer about ice", "b", "Roads"));
    }
    FakeAnswerStore store = new FakeAnswerStore();
    Answer v3 = new Answer(v2.id(), published("a1", "Snow and ice removal", "b", "Roads").content(), v2.status(), 3,
        "editor", AT);
    store.save(v3, "edited");

    try (LuceneAnswerIndex index = LuceneAnswerIndex.open(dir)) {
      assertEquals(Map.of(new AnswerId("a1"), 2L, new AnswerId("gone"), 2L), index.versions());
      assertEquals(new AnswerIndexCatchUp.Report(1, 1, 1), AnswerIndexCatchUp.run(store, index));
      index.refresh();
      List<String> found = index.search(AnswerQuery.of("ice", AT)).hits().stream().map(h -> h.id().value()).toList();
      assertEquals(List.of("a1"), found);
    }
  }
}
