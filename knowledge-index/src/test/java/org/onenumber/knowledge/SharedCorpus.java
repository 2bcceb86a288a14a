package org.onenumber.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared real-data folder ({@code shared/} beside the repository) for tests. */
public final class SharedCorpus {

  private SharedCorpus() {}

  /** {@code shared/data/faq/gov-covid-faq.tsv}, looked up from the working directory upwards. */
  public static Path faqTsv() {
    String configured = System.getProperty("onenumber.shared");
    if (configured != null) {
      return Path.of(configured, "data/faq/gov-covid-faq.tsv");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/faq/gov-covid-faq.tsv");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/data/faq/gov-covid-faq.tsv not found above " + Path.of("").toAbsolutePath());
  }
}
