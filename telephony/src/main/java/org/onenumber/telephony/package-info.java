/**
 * The telephone network's adapters: Asterisk ({@link org.onenumber.telephony.asterisk}: a FastAGI
 * IVR that answers the one number and keeps each caller's channel, AMI for events and call control)
 * and Twilio Voice ({@link org.onenumber.telephony.twilio}: TwiML webhooks and the REST API). Both
 * implement core's {@link org.onenumber.core.port.out.CallControl} and report what happens on their
 * calls as routing commands through {@link org.onenumber.core.port.in.RouteContact}.
 */
package org.onenumber.telephony;
