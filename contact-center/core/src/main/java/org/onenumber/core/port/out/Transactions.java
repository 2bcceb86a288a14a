package org.onenumber.core.port.out;

import java.util.function.Supplier;

/**
 * Runs work atomically against the system of record: everything the supplied work writes through
 * other ports commits together or not at all. Nested calls join the outer transaction.
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);
}
