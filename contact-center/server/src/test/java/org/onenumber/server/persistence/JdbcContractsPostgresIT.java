package org.onenumber.server.persistence;

import javax.sql.DataSource;
import org.onenumber.server.TestDatabases;

/** The JDBC adapters pass the testkit contracts on a real PostgreSQL server. */
class JdbcContractsPostgresIT extends JdbcContractsTestBase {

  @Override
  protected DataSource freshDatabase() {
    return TestDatabases.postgresMigrated("onenumber_contracts");
  }
}
