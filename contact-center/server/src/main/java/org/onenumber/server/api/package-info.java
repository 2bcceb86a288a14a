/**
 * The HTTP API under {@code /api/v1}: JSON views of the directory and contacts, the generic
 * contact intake, and one error shape for every failure ({@code {"error", "message"}}, never a
 * stack trace). Controllers run on the blocking executor (virtual threads) because JDBC blocks.
 */
package org.onenumber.server.api;
