package org.onenumber.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, migrated databases for tests: an in-memory H2 in PostgreSQL mode, or a new database on
 * the real PostgreSQL server (never a stand-in). The server is found at
 * {@code ONENUMBER_TEST_PG_HOST}:{@code ONENUMBER_TEST_PG_PORT} (default localhost:5432) as role
 * {@code onenumber}/{@code onenumber} with CREATEDB, which {@code .ci/run} creates.
 */
public final class TestDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String PG_HOST = System.getenv().getOrDefault("ONENUMBER_TEST_PG_HOST", "localhost");
  private static final String PG_PORT = System.getenv().getOrDefault("ONENUMBER_TEST_PG_PORT", "5432");
  public static final String PG_USER = "onenumber";
  public static final String PG_PASSWORD = "onenumber";

  private TestDatabases() {}

  public static String h2Url() {
    return "jdbc:h2:mem:onenumber" + COUNTER.incrementAndGet()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  }

  public static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(h2Url());
    ds.setUser("sa");
    return migrated(ds);
  }

  /** Drops and creates database {@code name} on the PostgreSQL server; returns its JDBC URL. */
  public static String freshPostgres(String name) {
    PGSimpleDataSource admin = postgres("postgres");
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is required for this test and is not reachable at " + PG_HOST + ":"
          + PG_PORT + " as role onenumber (start it and create the role as .ci/run does): " + e.getMessage(), e);
    }
    return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name;
  }

  public static DataSource postgresMigrated(String name) {
    freshPostgres(name);
    return migrated(postgres(name));
  }

  /** Micronaut properties that point the default datasource at a fresh PostgreSQL database. */
  public static Map<String, String> postgresProperties(String name) {
    return Map.of("datasources.default.url", freshPostgres(name),
        "datasources.default.driver-class-name", "org.postgresql.Driver",
        "datasources.default.username", PG_USER,
        "datasources.default.password", PG_PASSWORD);
  }

  private static PGSimpleDataSource postgres(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database);
    ds.setUser(PG_USER);
    ds.setPassword(PG_PASSWORD);
    return ds;
  }

  private static DataSource migrated(DataSource ds) {
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return ds;
  }
}
