package org.onenumber.server.privacy;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.onenumber.server.TestDatabases;

/** {@link RecordRetentionTest} on a real PostgreSQL server ({@code bin/pg-setup}), a fresh database per test. */
class RecordRetentionPostgresIT extends RecordRetentionTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  DataSource dataSource() {
    return TestDatabases.postgresMigrated("onenumber_retention" + DATABASES.incrementAndGet());
  }
}
