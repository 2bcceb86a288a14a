/**
 * Fault tests and their tools: the server as a child JVM that can be killed with SIGKILL
 * ({@link org.onenumber.server.faults.ServerProcess}), load that remembers what was acknowledged
 * ({@link org.onenumber.server.faults.AckedLoad}), and the checks that nothing acknowledged was
 * lost or stored twice after a restart ({@code CrashSafetyIT}). Each run prints a
 * {@code RESULT faults scenario=… acked=… lost=… duplicated=…} line.
 */
package org.onenumber.server.faults;
