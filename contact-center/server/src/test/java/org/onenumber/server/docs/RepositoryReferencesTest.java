package org.onenumber.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// reference-check: this file shows the mistakes on purpose

/**
 * No dangling references in the repository (the cases are listed in {@link ReferenceCheck}). A
 * failure lists every finding as {@code file:line: message}, relative to the repository root.
 */
class RepositoryReferencesTest {

  /**
   * Paths the documents name before another branch adds them (so the guide can say where the
   * material is coming). Tolerated while missing; once a path exists this test fails until it is
   * taken off the list, so the list cannot go stale.
   */
  static final Set<String> PENDING = Set.of();

  @Test
  void everyLinkAndFileReferenceInTheRepositoryExistsAndNoneIsAnAbsoluteMachinePath() {
    Path root = Repository.root();
    List<String> arrived = PENDING.stream().filter(p -> Files.exists(root.resolve(p))).sorted().toList();
    if (!arrived.isEmpty()) {
      fail(arrived + " now exist: remove them from RepositoryReferencesTest.PENDING");
    }
    List<ReferenceCheck.Problem> problems = ReferenceCheck.scan(root).stream()
        .filter(p -> PENDING.stream().noneMatch(p.message()::contains)).toList();
    if (!problems.isEmpty()) {
      fail(problems.size() + " dangling reference(s); fix the path or write the file:\n"
          + problems.stream().map(ReferenceCheck.Problem::toString).collect(Collectors.joining("\n")));
    }
  }

  @Test
  void reportsEachKindOfDanglingReferenceWithItsLineAndNothingElse(@TempDir Path repo) throws IOException {
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    Files.createDirectories(repo.resolve("docs/api"));
    Files.writeString(repo.resolve("docs/api/chat.md"), "# chat\n");
    Files.createDirectories(repo.resolve("bin"));
    Files.writeString(repo.resolve("README.md"), String.join("\n",
        "See [the chat](docs/api/chat.md#frames), [the site](https://example.org) and [top](#top).",
        "The [plan](../shared/ARCHITECTURE.md) and [the missing page](docs/missing.md).",
        "Run `bin/run --port 1` and read `docs/api/chat.md`, not `docs/api/agents.md` or `API-CONTRACT.md`.",
        "```sh",
        "cat [not a link](nowhere.md) /work/shared/x",
        "```",
        "Data lives in `shared/data/faq`, output in `target/x.png`, the API at `/api/v1/{id}`, flow in `bin/.../x.java`.",
        "Copied from /home/someone/notes."));
    Files.writeString(repo.resolve("bin/run"), "#!/bin/sh\ncd \"$HOME/x\"\nexec java -jar /tmp/on.jar\n");
    Path java = Files.createDirectories(repo.resolve("mod/src/main/java/x"));
    Files.writeString(repo.resolve("mod/pom.xml"), "<project/>");
    Files.createDirectories(repo.resolve("mod/src/main/resources/seed"));
    Files.writeString(repo.resolve("mod/src/main/resources/seed/a.yml"), "a: 1\n");
    Files.writeString(java.resolve("A.java"), String.join("\n",
        "/** Reads {@code seed/a.yml} and {@code seed/b.yml}, see {@code docs/api/chat.md} and API-CONTRACT.md. */",
        "/** Serves {@code /ws/chat}, {@code POST /api/v1/x}, {@code application/json}; never {@code bin/gone}. */",
        "class A { String p = \"/api/v1/agents/a/work\"; }"));
    Files.writeString(java.resolve("B.java"), ReferenceCheck.SKIP + "\n/** See API-CONTRACT.md in /work/x. */\nclass B {}\n");

    List<String> found = ReferenceCheck.scan(repo).stream().map(ReferenceCheck.Problem::toString).toList();

    assertEquals(List.of(
        "README.md:2: link '../shared/ARCHITECTURE.md' points outside the repository",
        "README.md:2: link 'docs/missing.md' points to docs/missing.md, which does not exist",
        "README.md:3: 'docs/api/agents.md' is not a file in the repository",
        "README.md:3: 'API-CONTRACT.md' is not a file in the repository",
        "README.md:5: absolute machine path '/work/shared': use a path relative to the repository, a setting or an environment variable",
        "README.md:8: absolute machine path '/home/someone': use a path relative to the repository, a setting or an environment variable",
        "bin/run:3: absolute machine path '/tmp/on.jar': use a path relative to the repository, a setting or an environment variable",
        "mod/src/main/java/x/A.java:1: 'seed/b.yml' names a repository path that does not exist",
        "mod/src/main/java/x/A.java:1: 'API-CONTRACT.md' is not a file in the repository",
        "mod/src/main/java/x/A.java:2: 'bin/gone' names a repository path that does not exist"), found);
  }
}
