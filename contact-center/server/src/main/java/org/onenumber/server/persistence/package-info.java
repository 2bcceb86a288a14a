/**
 * Persistence on plain JDBC: one schema (Flyway migrations in {@code db/migration}) that runs on
 * the embedded H2 default and on PostgreSQL. {@link Jdbc} binds a connection to the calling
 * thread for the length of a transaction; the {@code Jdbc*} classes implement the core's
 * outbound ports on top of it.
 */
package org.onenumber.server.persistence;
