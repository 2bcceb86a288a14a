/**
 * Channel adapters: they turn a channel's own protocol into core commands and carry the core's
 * messages back out. {@link org.onenumber.channels.twilio} speaks Twilio Messaging (SMS, MMS,
 * WhatsApp). Adapters depend on the core only; the server wires them to HTTP and WebSocket
 * endpoints (the web chat WebSocket protocol is in the server's {@code org.onenumber.server.chat},
 * since it is Micronaut WebSocket code end to end).
 */
package org.onenumber.channels;
