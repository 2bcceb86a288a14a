/**
 * A local Asterisk for tests: {@link org.onenumber.testkit.asterisk.AsteriskCapture} reads the wire
 * recordings of a real Asterisk 22 ({@code shared/data/asterisk/}) and {@link
 * org.onenumber.testkit.asterisk.AmiReplayPeer} speaks AMI over a real loopback socket like that
 * Asterisk did: banner, login, the captured event streams in their captured order, the captured
 * answers to actions, and dropped connections.
 */
package org.onenumber.testkit.asterisk;
