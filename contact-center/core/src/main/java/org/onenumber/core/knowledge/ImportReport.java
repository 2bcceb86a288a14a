package org.onenumber.core.knowledge;

import java.util.List;

/**
 * The outcome of a bulk import.
 *
 * @param accepted answers created or updated and published
 * @param rejected lines that could not become answers, each with its reason
 */
public record ImportReport(long accepted, List<String> rejected) {

  public ImportReport {
    rejected = List.copyOf(rejected);
  }
}
