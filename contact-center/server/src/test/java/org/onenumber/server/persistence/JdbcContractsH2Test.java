package org.onenumber.server.persistence;

import javax.sql.DataSource;
import org.onenumber.server.TestDatabases;

/** The JDBC adapters pass the testkit contracts on the embedded H2 default. */
class JdbcContractsH2Test extends JdbcContractsTestBase {

  @Override
  protected DataSource freshDatabase() {
    return TestDatabases.h2();
  }
}
