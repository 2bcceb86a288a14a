/**
 * Asterisk, spoken through Asterisk-Java: the FastAGI IVR (one session per call), the AMI connection
 * (events in, actions out) and {@link org.onenumber.telephony.asterisk.AsteriskCalls}, the registry
 * both share of which channel carries which contact.
 */
package org.onenumber.telephony.asterisk;
