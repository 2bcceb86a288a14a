/**
 * The OneNumber server: the only composition root. {@link Application} starts Micronaut on Netty
 * with HTTP and WebSocket on one port, an embedded H2 database (or PostgreSQL), the Vert.x event
 * bus, and the adapters, wired together in {@code config}.
 */
package org.onenumber.server;
