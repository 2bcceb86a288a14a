package org.onenumber.server.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout these tests read: the directory above the working directory holding the root POM. */
final class Repository {

  private Repository() {}

  /** The repository root: the nearest directory upwards with {@code pom.xml} and {@code contact-center/}. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("contact-center"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root (pom.xml beside contact-center/) above "
        + Path.of("").toAbsolutePath() + "; run the tests from inside the checkout");
  }

  /** The server module's sources and resources. */
  static Path server() {
    return root().resolve("contact-center/server");
  }
}
