/**
 * Asterisk, spoken through Asterisk-Java: the FastAGI IVR (one session per call), the AMI connection
 * (events in, actions out) and {@link org.onenumber.telephony.asterisk.AsteriskCalls}, the registry
 * both share of which channel carries which contact.
 *
 * <p>The AMI side ({@link org.onenumber.telephony.asterisk.AsteriskAmi}): {@link
 * org.onenumber.telephony.asterisk.AmiLink} logs in, reconnects with backoff and after every login
 * reconciles the registry with {@code CoreShowChannels}; {@link
 * org.onenumber.telephony.asterisk.AmiEvents} turns events into routing commands on Asterisk-Java's
 * event thread without blocking it (map lookups and {@code RouteContact.routeLater} only; recording
 * decisions run on their own thread); {@link org.onenumber.telephony.asterisk.AsteriskCallControl}
 * moves or ends the operator's leg and signals the call's FastAGI session. Answers: the FastAGI
 * session reports the operator's answer ({@code Accept}) itself by default; with {@code
 * acceptOnDialEnd} (config {@code onenumber.telephony.asterisk.ami.accept-on-dial-end}) AMI reports it
 * from {@code DialEnd ANSWER} instead — turn on exactly one of the two.
 */
package org.onenumber.telephony.asterisk;
