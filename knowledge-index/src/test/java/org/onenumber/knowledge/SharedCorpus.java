package org.onenumber.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared real-data folder ({@code shared/} beside the repository) for tests. */
public final class SharedCorpus {

  private SharedCorpus() {}

  /** {@code shared/data/faq/gov-covid-faq.tsv}, looked up from the working directory upwards. */
  public static Path faqTsv() {
    return find("data/faq/gov-covid-faq.tsv");
  }

  /** {@code shared/data/nyc311/311-service-requests-2024-04-15.csv}: the real NYC 311 night. */
  public static Path nyc311Csv() {
    return find("data/nyc311/311-service-requests-2024-04-15.csv");
  }

  private static Path find(String file) {
    String configured = System.getProperty("onenumber.shared");
    if (configured != null) {
      return Path.of(configured, file);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve(file);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/" + file + " not found above " + Path.of("").toAbsolutePath()
        + " (set -Donenumber.shared to the shared folder)");
  }
}
