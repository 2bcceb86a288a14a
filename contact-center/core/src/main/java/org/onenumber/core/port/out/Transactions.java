package org.onenumber.core.port.out;

import java.util.function.Supplier;

/**
 * Runs work atomically against the system of record: everything the supplied work writes through
 * other ports commits together or not at all. Nested calls join the outer transaction.
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs {@code action} once the transaction the calling thread is in commits, and never if it
   * rolls back; outside a transaction, at once. What others may see only after a commit (domain
   * events, a text to the citizen) goes here, so work nested in a larger transaction (an Open311
   * filing) announces nothing that could still roll back. This default, for stores without
   * transactions of their own, runs it at once.
   */
  default void afterCommit(Runnable action) {
    action.run();
  }

  /**
   * Whether the calling thread is inside {@link #inTransaction}: work that must not hold a
   * transaction open (a call to a remote provider) is then deferred to {@link #afterCommit}. This
   * default, for stores without transactions of their own, says no.
   */
  default boolean inTransaction() {
    return false;
  }
}
