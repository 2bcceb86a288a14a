package org.onenumber.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
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

  /**
   * One connection of its own, outside any pool, to the shared pool's database with its credentials
   * and driver properties (a listener that holds it for good); from {@code shared} itself when that
   * is not a Hikari pool (a test's own source, which opens a new connection each time).
   */
  public static Connection connect(DataSource shared) throws SQLException {
    HikariDataSource hikari = hikari(shared);
    if (hikari == null) {
      return shared.getConnection();
    }
    Properties properties = new Properties();
    hikari.getDataSourceProperties()
        .forEach((key, value) -> properties.setProperty(String.valueOf(key), String.valueOf(value)));
    if (hikari.getUsername() != null) {
      properties.setProperty("user", hikari.getUsername());
    }
    if (hikari.getPassword() != null) {
      properties.setProperty("password", hikari.getPassword());
    }
    return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
  }

  private static HikariDataSource hikari(DataSource shared) {
    try {
      return shared.isWrapperFor(HikariDataSource.class) ? shared.unwrap(HikariDataSource.class) : null;
    } catch (SQLException e) {
      return null;
    }
  }
}
