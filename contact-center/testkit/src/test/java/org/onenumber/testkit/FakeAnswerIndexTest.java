package org.onenumber.testkit;

import org.onenumber.core.port.out.AnswerIndex;

class FakeAnswerIndexTest extends AnswerIndexContract {
  @Override
  protected AnswerIndex newIndex() {
    return new FakeAnswerIndex();
  }
}
