package org.onenumber.server.cluster;

import javax.sql.DataSource;
import org.onenumber.server.TestDatabases;

/** The routing lease on H2 (the single-node default; the cluster profile needs PostgreSQL). */
class RoutingLeaseH2Test extends RoutingLeaseTestBase {

  @Override
  protected DataSource freshDatabase() {
    return TestDatabases.h2();
  }
}
