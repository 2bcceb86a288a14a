package org.onenumber.server.persistence;

import javax.sql.DataSource;
import org.onenumber.server.TestDatabases;

/** {@link GroupCommitTestBase} on an in-memory H2 (PostgreSQL mode). */
class GroupCommitH2Test extends GroupCommitTestBase {

  @Override
  protected DataSource freshDatabase() {
    return TestDatabases.h2();
  }
}
