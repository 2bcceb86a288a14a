/**
 * The composition root's wiring: {@link CoreFactory} builds the core's use cases from the
 * adapters, with the server's clock ({@link ServerTime}: the wall clock, or in the {@code
 * simulation} environment a trace clock at N×, which an administrator may set forward once the
 * server is ready: {@link SimulationClockController}) and a secure random source.
 */
package org.onenumber.server.config;
