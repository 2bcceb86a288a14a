/**
 * The composition root's wiring: {@link CoreFactory} builds the core's use cases from the
 * adapters, with the system clock and a secure random source.
 */
package org.onenumber.server.config;
