package org.onenumber.knowledge.relevance;

import org.onenumber.core.error.InvalidInputException;

/** One judged query: the answer (by external id) a good search puts first. */
public record RelevanceCase(String query, String expectedExternalId) {

  public RelevanceCase {
    InvalidInputException.requireText(query, "query");
    InvalidInputException.requireText(expectedExternalId, "expected external id");
  }
}
