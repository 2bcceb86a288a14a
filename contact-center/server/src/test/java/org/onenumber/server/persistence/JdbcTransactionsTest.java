package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
