package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, the torn commit on H2 after SIGKILL: H2 writes a chunk by taking one map after the other while
 * other connections write (H2 issue 2080), so the server lets one transaction write at a time on an H2
 * file ({@link H2SingleWriter}) and a chunk never holds half of another's commit. The figures of the kill
 * loop ({@code bin/faults h2-kill-loop}) are in the README's "Crash safety". {@code -Dh2SingleWriter=false}
 * runs this with the server's {@code Jdbc} as before session 18 (the ordering tests fail).
 */
class H2SingleWriterH2Test {

  @TempDir
  Path dir;

  private Jdbc jdbc;
  private final List<String> order = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstWrote = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void openTheFile() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("db/onenumber") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ANALYZE_AUTO=0");
    h2.setUser("sa");
    boolean singleWriter = Boolean.parseBoolean(System.getProperty("h2SingleWriter", "true"));
    jdbc = new Jdbc(h2, 0, DurableCommits.H2_RETENTION_MS, singleWriter);
    jdbc.update("create table t (id varchar(8) primary key)");
  }

  @AfterEach
  void shutDown() {
    release.countDown();
    jdbc.update("shutdown");
  }

  /** A first transaction that wrote and then waits for {@link #release} before it commits. */
  private Thread firstHoldsItsWrite() throws InterruptedException {
    Thread first = new Thread(() -> jdbc.inTransaction(() -> {
      jdbc.update("insert into t values ('a')");
      firstWrote.countDown();
      await(release);
      order.add("first commits");
      return null;
    }));
    first.start();
    assertTrue(firstWrote.await(10, TimeUnit.SECONDS));
    return first;
  }

  @Test
  void aSecondTransactionWritesOnlyOnceTheFirstHasCommitted() throws Exception {
    Thread first = firstHoldsItsWrite();
    Thread second = new Thread(() -> jdbc.inTransaction(() -> {
      jdbc.update("insert into t values ('b')");
      order.add("second wrote");
      return null;
    }));
    second.start();
    second.join(500);
    order.add("half a second later");
    release.countDown();
    first.join();
    second.join();
    assertEquals(List.of("half a second later", "first commits", "second wrote"), order);
    assertEquals(2, rows());
  }

  @Test
  void anAutocommittedWriteWaitsTooButAReadDoesNot() throws Exception {
    Thread first = firstHoldsItsWrite();
    assertEquals(0, rows(), "a read goes on while another transaction holds the writer");
    Thread second = new Thread(() -> {
      jdbc.update("insert into t values ('b')");
      order.add("autocommit wrote");
    });
    second.start();
    second.join(500);
    order.add("half a second later");
    release.countDown();
    first.join();
    second.join();
    assertEquals(List.of("half a second later", "first commits", "autocommit wrote"), order);
  }

  @Test
  void aRolledBackTransactionLetsTheWriterGo() throws Exception {
    assertThrows(IllegalStateException.class, () -> jdbc.inTransaction(() -> {
      jdbc.update("insert into t values ('a')");
      throw new IllegalStateException("refused");
    }));
    Thread other = new Thread(() -> jdbc.update("insert into t values ('b')"));
    other.start();
    other.join(5_000);
    assertFalse(other.isAlive(), "another thread writes at once after the rollback");
    assertEquals(1, rows());
    assertEquals(0, jdbc.h2WritesPastTheSingleWriter());
  }

  @Test
  void onlyAnH2FileHasOne() {
    assertTrue(H2SingleWriter.forUrl("jdbc:h2:file:/data/db/onenumber;MODE=PostgreSQL", 1).active());
    assertFalse(H2SingleWriter.forUrl("jdbc:h2:mem:test;MODE=PostgreSQL", 1).active());
    assertFalse(H2SingleWriter.forUrl("jdbc:postgresql://localhost/onenumber", 1).active());
  }

  private int rows() {
    return jdbc.queryOne("select count(*) from t", row -> row.getInt(1)).orElseThrow();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
