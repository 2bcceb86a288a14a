/**
 * Telephony wiring: thin HTTP shells over the {@code telephony} adapters and the beans that connect
 * them to routing. Twilio Voice: the signed webhooks, and the forwarding of routing events to the
 * carrier that carries each call. Asterisk: {@link org.onenumber.server.telephony.AmiFactory} builds
 * the AMI side from {@code onenumber.telephony.asterisk.ami.*} (off while no username is set),
 * {@code TelephonyHealthIndicator} reports it on {@code /health}, and call recordings are stored,
 * swept after their retention period and played back to supervisors ({@code
 * GET /api/v1/contacts/{id}/recording}).
 */
package org.onenumber.server.telephony;
