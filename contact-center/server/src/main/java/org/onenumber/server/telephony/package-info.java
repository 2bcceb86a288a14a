/**
 * Telephony wiring: {@link org.onenumber.server.telephony.AmiFactory} builds the Asterisk AMI side
 * from {@code onenumber.telephony.asterisk.ami.*} (off while no username is set), {@code
 * TelephonyHealthIndicator} reports it on {@code /health}, and call recordings are stored, swept
 * after their retention period and played back to supervisors ({@code
 * GET /api/v1/contacts/{id}/recording}).
 */
package org.onenumber.server.telephony;
