package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DurableCommitsTest {

  @Test
  void anH2FileDatabaseWritesOnEveryCommit() {
    assertEquals("SET WRITE_DELAY 0", DurableCommits.statementFor("jdbc:h2:file:./data/db/onenumber;MODE=PostgreSQL"));
  }

  @Test
  void postgresCommitsSynchronously() {
    assertEquals("SET synchronous_commit TO on", DurableCommits.statementFor("jdbc:postgresql://localhost/onenumber"));
  }

  @Test
  void anInMemoryOrUnknownDatabaseIsLeftAlone() {
    assertNull(DurableCommits.statementFor("jdbc:h2:mem:test"));
    assertNull(DurableCommits.statementFor("jdbc:sqlite:x"));
    assertNull(DurableCommits.statementFor(null));
  }
}
