package org.onenumber.server.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;

/** The cluster on H2 is refused at start with a message that says what to change. */
class ClusterNeedsPostgresTest {

  @Test
  void anH2DatabaseIsRefusedWithAClearMessage() {
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> LeaseOwnership.requirePostgres(TestDatabases.h2()));
    assertTrue(refused.getMessage().contains("onenumber.cluster.enabled=true needs PostgreSQL"), refused.getMessage());
    assertTrue(refused.getMessage().contains("H2"), refused.getMessage());
  }
}
