package org.onenumber.server.persistence;

import javax.sql.DataSource;
import org.onenumber.server.TestDatabases;

/** {@link GroupCommitTestBase} on a real PostgreSQL server (a fresh database). */
class GroupCommitPostgresIT extends GroupCommitTestBase {

  @Override
  protected DataSource freshDatabase() {
    return TestDatabases.postgresMigrated("onenumber_group_commit");
  }
}
