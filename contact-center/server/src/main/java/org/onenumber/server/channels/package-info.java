/**
 * Text channels in the server: Twilio webhooks ({@code /webhooks/twilio/*}), the messages and
 * cases API used by the operator console, and the wiring of the core's messaging use cases to
 * JDBC, the Vert.x event bus and the Twilio gateway ({@link ChannelsFactory}).
 */
package org.onenumber.server.channels;
