package org.onenumber.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.onenumber.testkit.AnswerTestData.AT;
import static org.onenumber.testkit.AnswerTestData.published;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerIndexCatchUp;

class AnswerIndexCatchUpTest {

  private final FakeAnswerStore store = new FakeAnswerStore();
  private final FakeAnswerIndex index = new FakeAnswerIndex();

  private static Answer version(Answer a, int version) {
    return new Answer(a.id(), a.content(), a.status(), version, "test", AT);
  }

  @Test
  public void indexesWhatTheIndexLostAndDropsWhatTheStoreNoLongerHas() {
    Answer same = published("same", "Snow removal", "b", "Roads");
    Answer edited = published("edited", "Parking permits", "b", "Transport");
    Answer lost = published("lost", "Bulky waste", "b", "Sanitation");
    store.save(same, "created");
    store.save(version(edited, 3), "edited");
    store.save(lost, "created");
    index.index(same);
    index.index(version(edited, 2));
    index.index(published("gone", "Old answer", "b", "Roads"));

    AnswerIndexCatchUp.Report report = AnswerIndexCatchUp.run(store, index);

    assertEquals(new AnswerIndexCatchUp.Report(3, 2, 1), report);
    assertEquals(Map.of(new AnswerId("same"), 2L, new AnswerId("edited"), 3L, new AnswerId("lost"), 2L),
        index.versions());
  }

  @Test
  public void anIndexInStepWithTheStoreIsLeftAlone() {
    Answer a = published("a", "Snow removal", "b", "Roads");
    store.save(a, "created");
    index.index(a);
    assertEquals(new AnswerIndexCatchUp.Report(1, 0, 0), AnswerIndexCatchUp.run(store, index));
  }
}
