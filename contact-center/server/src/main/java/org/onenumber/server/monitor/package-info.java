/**
 * Supervisors on the floor: a list of every live conversation, and monitoring of chats in three
 * modes, each audited in {@code monitor_session} ({@link JdbcMonitorSessions}): SILENT (read-only;
 * the operator sees a small "monitored" mark, pushed as a {@code monitor} frame on their socket),
 * WHISPER (notes only the operator sees, pushed as a {@code note} frame), BARGE (the supervisor
 * writes to the citizen as themselves). Voice uses the same modes through {@code CallControl} when
 * telephony lands.
 */
package org.onenumber.server.monitor;
