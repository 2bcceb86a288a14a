package org.onenumber.testkit;

import java.util.function.Supplier;
import org.onenumber.core.port.out.Transactions;

/**
 * Runs work directly. The in-memory fakes apply writes at once, so a "rollback" is not modelled;
 * counts how many transactions ran so tests can assert on it.
 */
public final class DirectTransactions implements Transactions {

  private int count;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    count++;
    return work.get();
  }

  public int count() {
    return count;
  }
}
