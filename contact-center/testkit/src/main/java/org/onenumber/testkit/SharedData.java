package org.onenumber.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data the tests replay — Asterisk captures, the FAQ corpus, the NYC 311 night, Open311
 * records — kept beside the repository in {@code shared/data/}, never in it. One setting finds it:
 * the system property {@code onenumber.shared} (the folder holding {@code data/}); without it the
 * folder {@code shared/} is looked for upwards from the working directory, which finds
 * {@code ../shared} beside a clone. A test whose file is missing fails saying which file it needs.
 */
public final class SharedData {

  /** The system property naming the shared folder. */
  public static final String PROPERTY = "onenumber.shared";

  private SharedData() {}

  /** The file or folder {@code shared/data/<relative>}, e.g. {@code "nyc311/311-service-requests-2024-04-15.csv"}. */
  public static Path file(String relative) {
    String configured = System.getProperty(PROPERTY);
    if (configured != null) {
      Path path = Path.of(configured, "data", relative);
      if (Files.exists(path)) {
        return path;
      }
      throw missing(relative, "not in " + Path.of(configured).toAbsolutePath() + " (-D" + PROPERTY + ")");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw missing(relative, "not found above " + Path.of("").toAbsolutePath());
  }

  private static IllegalStateException missing(String relative, String where) {
    return new IllegalStateException("this test needs shared/data/" + relative + " (the shared data folder beside "
        + "the repository): " + where + "; set -D" + PROPERTY + "=/path/to/shared");
  }
}
