package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;

class JdbcTransactionsTest {

  private final Jdbc jdbc = new Jdbc(TestDatabases.h2());

  private int departments() {
    return jdbc.queryOne("select count(*) from department", row -> row.getInt(1)).orElseThrow();
  }

  private void insert(String id) {
    jdbc.update("insert into department (id, name_ko, name_en, desk_phone, case_due_seconds, categories)"
        + " values (?, '과', 'dept', '+8221234567', 60, '')", id);
  }

  @Test
  void rollsBackEverythingWrittenInAFailedTransaction() {
    assertThrows(IllegalStateException.class, () -> jdbc.inTransaction(() -> {
      insert("a");
      insert("b");
      throw new IllegalStateException("boom");
    }));
    assertEquals(0, departments());
  }

  @Test
  void nestedTransactionsJoinTheOuterOne() {
    assertThrows(IllegalStateException.class, () -> jdbc.inTransaction(() -> {
      jdbc.inTransaction(() -> {
        insert("inner");
        return null;
      });
      throw new IllegalStateException("outer fails after inner returned");
    }));
    assertEquals(0, departments());
  }

  @Test
  void commitsWhenTheWorkReturns() {
    jdbc.inTransaction(() -> {
      insert("a");
      return null;
    });
    assertEquals(1, departments());
  }

  @Test
  void afterCommitRunsOnceTheOutermostTransactionCommitsAndSeesItsWrites() {
    List<String> seen = new ArrayList<>();
    jdbc.inTransaction(() -> {
      jdbc.inTransaction(() -> {
        insert("inner");
        jdbc.afterCommit(() -> seen.add("inner sees " + departmentsOnAnotherConnection()));
        return null;
      });
      insert("outer");
      seen.add("before the commit");
      return null;
    });
    assertEquals(List.of("before the commit", "inner sees 2"), seen);
  }

  @Test
  void afterCommitIsDroppedOnARollbackAndRunsAtOnceOutsideATransaction() {
    List<String> seen = new ArrayList<>();
    assertThrows(IllegalStateException.class, () -> jdbc.inTransaction(() -> {
      insert("a");
      jdbc.afterCommit(() -> seen.add("announced"));
      throw new IllegalStateException("boom");
    }));
    assertEquals(List.of(), seen);
    jdbc.afterCommit(() -> seen.add("at once"));
    assertEquals(List.of("at once"), seen);
  }

  /** Counted outside any transaction of this thread: what others see. */
  private int departmentsOnAnotherConnection() {
    try {
      return java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor().submit(this::departments).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
