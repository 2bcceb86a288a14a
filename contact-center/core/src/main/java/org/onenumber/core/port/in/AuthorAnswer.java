package org.onenumber.core.port.in;

import java.util.List;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerVersion;

/** Department staff write answers: create a draft, edit it, read its history. */
public interface AuthorAnswer {

  Answer createDraft(AnswerContent content, String author);

  /**
   * Replaces a draft's content.
   *
   * @param expectedVersion the version the author edited; a different stored version is a conflict
   * @throws org.onenumber.core.error.IllegalTransitionException when not a draft or on a conflict
   * @throws org.onenumber.core.error.NotFoundException when there is no such answer
   */
  Answer editDraft(AnswerId id, int expectedVersion, AnswerContent content, String author);

  Answer get(AnswerId id);

  List<AnswerVersion> history(AnswerId id);
}
