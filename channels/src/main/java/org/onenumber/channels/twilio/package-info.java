/**
 * Twilio Messaging: SMS, MMS and WhatsApp share one webhook format and one REST resource.
 *
 * <p>Inbound: the server hands the form parameters of {@code POST /webhooks/twilio/sms} to
 * {@link org.onenumber.channels.twilio.TwilioSignatures} (the {@code X-Twilio-Signature} check with
 * the SDK's {@code RequestValidator}, against the URL Twilio called) and then to
 * {@link org.onenumber.channels.twilio.TwilioWebhooks}, which reads them into core commands;
 * {@link org.onenumber.channels.twilio.TwilioMessagingWebhooks} holds the two webhooks' cases (and
 * the form decoding) for whichever HTTP layer serves them.
 * WhatsApp addresses are {@code whatsapp:+8210...}; the citizen identity is the bare E.164 number
 * and the channel is {@code WHATSAPP}.
 *
 * <p>Outbound: {@link org.onenumber.channels.twilio.TwilioMessageGateway} implements the core's
 * {@code MessageGateway} with the SDK's {@code MessageCreator}, over
 * {@link org.onenumber.channels.twilio.JdkTwilioHttpClient}, whose base URL is configurable so that
 * tests talk to a local server speaking Twilio's Messages API. Nothing here calls the internet in tests.
 */
package org.onenumber.channels.twilio;
