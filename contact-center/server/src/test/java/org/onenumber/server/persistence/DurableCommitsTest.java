package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DurableCommitsTest {

  @Test
  void anH2FileDatabaseWritesOnEveryCommit() {
    assertEquals("SET WRITE_DELAY 0", DurableCommits.statementFor("jdbc:h2:file:./data/db/onenumber;MODE=PostgreSQL"));
  }

  @Test
  void anInMemoryOrOtherDatabaseIsLeftAlone() {
    assertNull(DurableCommits.statementFor("jdbc:h2:mem:test"));
    assertNull(DurableCommits.statementFor("jdbc:postgresql://localhost/onenumber"));
    assertNull(DurableCommits.statementFor(null));
  }

  @Test
  void postgresWithoutSynchronousCommitIsRefused() {
    assertThrows(IllegalStateException.class, () -> DurableCommits.requireSynchronous("off"));
    assertThrows(IllegalStateException.class, () -> DurableCommits.requireSynchronous("local"));
    assertDoesNotThrow(() -> DurableCommits.requireSynchronous("on"));
    assertDoesNotThrow(() -> DurableCommits.requireSynchronous("remote_apply"));
  }
}
