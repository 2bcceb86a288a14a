/**
 * Fault tests and their tools: the server as a child JVM that can be killed with SIGKILL
 * ({@link org.onenumber.server.faults.ServerProcess}); a mixed load that remembers what was
 * acknowledged — signed SMS webhooks and intake posts ({@link org.onenumber.server.faults.AckedLoad}),
 * web chats ({@link org.onenumber.server.faults.ChatCitizens}) and operators accepting offers on
 * their sockets ({@link org.onenumber.server.faults.SimulatedOperators}); and the checks after a
 * kill ({@code CrashSafetyIT}) or a database outage ({@code DatabaseOutageIT}): nothing acknowledged
 * lost or stored twice, no contact held by two operators at once
 * ({@link org.onenumber.server.faults.DoubleAssignments}), engine == journal
 * ({@link org.onenumber.server.faults.EngineAgreement}). The cluster the scenarios start, as server JVMs
 * or in this JVM, one partition or two: {@link org.onenumber.server.faults.TestCluster}. The cluster
 * behind a real balancer: HAProxy configured by {@code bin/haproxy-config} ({@link
 * org.onenumber.server.faults.Haproxy}), in {@code HaproxyFrontIT}, {@code HaproxyTlsIT} (TLS ended there) and the runs of {@link
 * org.onenumber.server.faults.LbFaultRun} (an owner killed, frozen, or killed while hang-ups are
 * relayed to it: {@code ClusterLbKillFaults}, {@code ClusterLbFreezeFaults}, {@code
 * ClusterLbHangUpKillFaults}). Each run prints a
 * {@code RESULT faults scenario=… acked=… lost=… duplicated=… double_assigned=… recover_s=…} line.
 */
package org.onenumber.server.faults;
