package org.onenumber.knowledge;

import java.nio.file.Path;
import org.onenumber.testkit.SharedData;

/** The shared real-data files this module's tests read ({@link SharedData}). */
public final class SharedCorpus {

  private SharedCorpus() {}

  /** {@code shared/data/faq/gov-covid-faq.tsv}: the government FAQ corpus. */
  public static Path faqTsv() {
    return SharedData.file("faq/gov-covid-faq.tsv");
  }

  /** {@code shared/data/nyc311/311-service-requests-2024-04-15.csv}: the real NYC 311 night. */
  public static Path nyc311Csv() {
    return SharedData.file("nyc311/311-service-requests-2024-04-15.csv");
  }
}
