package org.onenumber.server.call;

import javax.sql.DataSource;
import org.onenumber.server.TestDatabases;

/** {@link CallHomeSweepH2Test} on a fresh database of the real PostgreSQL server. */
class CallHomeSweepPostgresIT extends CallHomeSweepH2Test {

  @Override
  DataSource dataSource() {
    return TestDatabases.postgresMigrated("closer22_call_home_sweep");
  }
}
