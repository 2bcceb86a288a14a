package org.onenumber.knowledge;

import org.onenumber.core.port.out.AnswerIndex;
import org.onenumber.testkit.AnswerIndexContract;

class LuceneAnswerIndexTest extends AnswerIndexContract {

  @Override
  protected AnswerIndex newIndex() {
    return LuceneAnswerIndex.inMemory();
  }

  @Override
  protected void close(AnswerIndex index) {
    ((LuceneAnswerIndex) index).close();
  }
}
