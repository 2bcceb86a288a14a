/**
 * Telephony wiring: thin HTTP shells over the {@code telephony} adapters and the beans that connect
 * them to routing (the Twilio Voice webhooks, their signatures, the forwarding of routing events to
 * the carrier that carries each call).
 */
package org.onenumber.server.telephony;
