/**
 * Happy-call in the server: wires the core's {@link org.onenumber.core.happycall.HappyCalls} to
 * the database, the SMS gateway and the survey table ({@link HappyCallFactory}), schedules a
 * survey when a contact leaves wrap-up closed ({@link ResolvedContacts}), sends what is due every
 * {@code onenumber.happy-call.sweep-every} ({@link HappyCallSweep}) and shows supervisors the
 * follow-up tasks ({@link HappyCallController}). Replies arrive through the Twilio SMS webhook.
 */
package org.onenumber.server.happycall;
