package org.onenumber.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
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

  /**
   * Creates a fresh database for {@code name} on the PostgreSQL server and returns its JDBC URL.
   * The database is named {@code <name>_<pid>} so that test runs in parallel on one server never
   * share one, and it is dropped when this JVM exits.
   */
  public static String freshPostgres(String name) {
    return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + freshDatabase(name);
  }

  private static String freshDatabase(String name) {
    String database = name + "_" + ProcessHandle.current().pid();
    for (int attempt = 1; ; attempt++) {
      try {
        admin("drop database if exists " + database + " with (force)", "create database " + database);
        break;
      } catch (IllegalStateException e) {
        // FORCE cannot end a backend of another role (an autovacuum worker still on the dropped
        // database): that one leaves by itself within moments, so try again a few times.
        if (attempt == 5 || !String.valueOf(e.getMessage()).contains("must be a member of the role")) {
          throw e;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(300L * attempt).toNanos());
      }
    }
    if (CREATED.isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-databases"));
    }
    CREATED.add(database);
    return database;
  }

  private static void admin(String... statements) {
    PGSimpleDataSource admin = postgres("postgres");
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is required for this test and is not usable at " + PG_HOST + ":"
          + PG_PORT + " as role onenumber (start it and create the role as bin/pg-setup does): " + e.getMessage(), e);
    }
  }

  /** Keeps the database of this JDBC URL when the JVM exits (a bench's {@code --keep}, for EXPLAIN afterwards). */
  public static void keep(String url) {
    CREATED.remove(url.substring(url.lastIndexOf('/') + 1));
  }

  private static void dropCreated() {
    for (String database : CREATED) {
      // an autovacuum worker (a superuser's process, which the test role may not terminate) can be
      // in a database a bench just filled: it leaves within seconds, so try again a few times
      for (int attempt = 1; ; attempt++) {
        try {
          admin("drop database if exists " + database + " with (force)");
          break;
        } catch (IllegalStateException e) {
          if (attempt == 5) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
            break;
          }
          try {
            Thread.sleep(2000);
          } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
    }
  }

  public static DataSource postgresMigrated(String name) {
    return migrated(postgres(freshDatabase(name)));
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
