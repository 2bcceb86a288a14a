package org.onenumber.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A small pool of its own on the shared pool's database, for work that must never wait behind the
 * shared pool's requests (issue 17): routing's context ({@code RoutingConnections}) and the inbound
 * group commit's committers ({@link GroupCommitLanes}). It copies the shared pool's database,
 * credentials, driver properties and timeouts, keeps {@code size} connections open, and does not
 * stop the server when the database is down at start (the shared pool reports that).
 */
public final class OwnPool {

  private OwnPool() {
  }

  /** A pool of {@code size} connections named {@code name}; null when {@code shared} is not a Hikari pool (a test's own source). */
  public static HikariDataSource of(DataSource shared, String name, int size) {
    HikariDataSource hikari = hikari(shared);
    if (hikari == null) {
      return null;
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(hikari.getJdbcUrl());
    config.setDriverClassName(hikari.getDriverClassName());
    config.setUsername(hikari.getUsername());
    config.setPassword(hikari.getPassword());
    config.setDataSourceProperties(hikari.getDataSourceProperties());
    config.setConnectionTimeout(hikari.getConnectionTimeout());
    config.setValidationTimeout(hikari.getValidationTimeout());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  private static HikariDataSource hikari(DataSource shared) {
    try {
      return shared.isWrapperFor(HikariDataSource.class) ? shared.unwrap(HikariDataSource.class) : null;
    } catch (SQLException e) {
      return null;
    }
  }
}
