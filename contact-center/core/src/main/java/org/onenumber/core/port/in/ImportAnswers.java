package org.onenumber.core.port.in;

import java.util.Iterator;
import java.util.function.Consumer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.ImportReport;
import org.onenumber.core.knowledge.RebuildProgress;

/**
 * Bulk-imports answers from an outside source as published answers. An answer whose external id
 * is already known is replaced (a new version); archived answers are left alone and reported.
 */
public interface ImportAnswers {

  /**
   * @param expected how many contents the iterator will give, for progress; 0 if unknown
   * @param progress called every few hundred answers and once at the end
   */
  ImportReport importAnswers(
      Iterator<AnswerContent> contents, long expected, String author, Consumer<RebuildProgress> progress);
}
