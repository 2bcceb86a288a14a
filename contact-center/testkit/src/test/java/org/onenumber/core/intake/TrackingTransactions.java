package org.onenumber.core.intake;

import java.util.function.Supplier;
import org.onenumber.core.port.out.Transactions;

/** Transactions that know whether work is running inside them. */
final class TrackingTransactions implements Transactions {

  boolean inside;
  int count;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    count++;
    inside = true;
    try {
      return work.get();
    } finally {
      inside = false;
    }
  }
}
