/**
 * Browser calls (issue 15): the thin shell of the call signalling socket {@code /ws/call}
 * ({@link org.onenumber.server.call.CallEndpoint}) over the protocol in the {@code channels}
 * module ({@code org.onenumber.channels.call}), its wiring to routing and the directory
 * ({@link org.onenumber.server.call.CallFactory}), and the routing events it feeds in
 * ({@link org.onenumber.server.call.CallEvents}). The frames are in the AsyncAPI document
 * {@code asyncapi/call.yml}, served at {@code /asyncapi/call.yml}. In a cluster each node's
 * {@link org.onenumber.server.call.CallHomeSweep} deletes the calls' claims ({@code call_home}) no live call needs
 * and ends the calls whose home died with them while nobody came back (sessions 22 and 23).
 */
package org.onenumber.server.call;
