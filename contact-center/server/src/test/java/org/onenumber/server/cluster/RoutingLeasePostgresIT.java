package org.onenumber.server.cluster;

import javax.sql.DataSource;
import org.onenumber.server.TestDatabases;

/** The routing lease on a real PostgreSQL server, where the cluster runs. */
class RoutingLeasePostgresIT extends RoutingLeaseTestBase {

  @Override
  protected DataSource freshDatabase() {
    return TestDatabases.postgresMigrated("routing_lease");
  }
}
