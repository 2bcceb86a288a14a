/**
 * The one exception hierarchy of OneNumber. Expected outcomes are values, not exceptions; what is
 * thrown is either {@link org.onenumber.core.error.PermanentException} (retrying will not help:
 * bad input, illegal transition, unknown id) or {@link org.onenumber.core.error.RetriableException}
 * (a dependency was unavailable; the same command may succeed later).
 */
package org.onenumber.core.error;
