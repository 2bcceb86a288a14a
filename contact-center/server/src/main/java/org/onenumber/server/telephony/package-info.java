/**
 * Telephony wiring: thin HTTP shells over the {@code telephony} adapters and the beans that connect
 * them to routing. Twilio Voice: the signed webhooks, and the forwarding of routing events to the
 * carrier that carries each call. Asterisk: {@link org.onenumber.server.telephony.AmiFactory} builds
 * the AMI side from {@code onenumber.telephony.asterisk.ami.*} (off while no username is set),
 * {@code TelephonyHealthIndicator} reports it on {@code /health}, and call recordings are stored,
 * swept after their retention period and played back to supervisors ({@code
 * GET /api/v1/contacts/{id}/recording}). The FastAGI IVR: {@link
 * org.onenumber.server.telephony.AgiFactory} starts it from {@code onenumber.telephony.asterisk.agi.*},
 * {@link org.onenumber.server.telephony.RoutedEventForwarder} puts every routing event about a call
 * in its session's mailbox, and the IVR reads operators' devices ({@code JdbcAgentDevices}, V70) and
 * callers' languages ({@code JdbcCallerLanguages}, V71). The call flow is documented in {@link
 * org.onenumber.telephony.asterisk}.
 * Call controls: {@link org.onenumber.server.telephony.CallControls} picks, among every
 * {@code CallControl} bean (one per carrier: Asterisk, Twilio), the one that carries a contact's
 * call; {@link org.onenumber.server.telephony.CallControlController} is the operator's call-control
 * API ({@code /api/v1/contacts/{id}/call/...}: hold, resume, transfer, conference, hang up), which
 * runs the routing command first and then asks the carrier; {@link
 * org.onenumber.server.telephony.CallRequests} dials queued callbacks ({@code CallbackPlaced}) and
 * brings conference parties in ({@code ConferenceRequested}).
 */
package org.onenumber.server.telephony;
