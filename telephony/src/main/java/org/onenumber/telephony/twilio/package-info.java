/** Twilio Voice: signed voice webhooks answered with TwiML, and live calls updated through the REST API. */
package org.onenumber.telephony.twilio;
