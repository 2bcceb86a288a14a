/**
 * Channel adapters: they turn a channel's own protocol into core commands and carry the core's
 * messages back out. {@link org.onenumber.channels.twilio} speaks Twilio Messaging (SMS, MMS,
 * WhatsApp); the web chat protocol lives in {@link org.onenumber.channels.chat}. Adapters depend on
 * the core only; the server wires them to HTTP and WebSocket endpoints.
 */
package org.onenumber.channels;
