/**
 * Telephony in the server. {@link org.onenumber.server.telephony.CallControls} picks, among every
 * {@code CallControl} bean (one per carrier: Asterisk, Twilio), the one that carries a contact's
 * call; {@link org.onenumber.server.telephony.CallControlController} is the operator's call-control
 * API ({@code /api/v1/contacts/{id}/call/...}: hold, resume, transfer, conference, hang up), which
 * runs the routing command first and then asks the carrier; {@link
 * org.onenumber.server.telephony.CallRequests} dials queued callbacks ({@code CallbackPlaced}) and
 * brings conference parties in ({@code ConferenceRequested}).
 */
package org.onenumber.server.telephony;
