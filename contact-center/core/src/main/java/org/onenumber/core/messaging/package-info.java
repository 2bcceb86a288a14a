/**
 * Text conversations: SMS, MMS, WhatsApp and web chat messages, each belonging to one
 * {@link org.onenumber.core.contact.Contact}.
 *
 * <p>A citizen's inbound message threads into their open contact on the same channel, or opens a
 * new one ({@link MessageIntake}). Operators reply through {@link MessageReplies}; SMS and
 * WhatsApp replies leave through the {@code MessageGateway} port, web chat replies are delivered by
 * the chat adapter from the {@code MessageStore}. Each outbound message walks the
 * {@link DeliveryStatus} machine as the provider (or the chat client's acknowledgement) reports
 * progress ({@link DeliveryTracking}). The carrier keywords STOP, START and HELP are honoured
 * ({@link Keyword}): the opt-out is recorded on the citizen's consent and nothing but the STOP
 * confirmation is sent to an opted-out number.
 */
package org.onenumber.core.messaging;
