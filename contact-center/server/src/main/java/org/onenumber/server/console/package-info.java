/**
 * What the operator console needs beyond routing and messages: its settings (the city's break
 * reasons, the operator's languages), internal notes on a contact kept with the wrap-up note
 * ({@link JdbcContactNotes}), and canned responses per language and department that supervisors
 * manage ({@link JdbcMacros}). Thin HTTP shells over small JDBC stores.
 */
package org.onenumber.server.console;
