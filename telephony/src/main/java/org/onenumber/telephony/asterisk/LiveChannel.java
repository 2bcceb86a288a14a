package org.onenumber.telephony.asterisk;

/**
 * One channel up on Asterisk, as {@code CoreShowChannel} lists it (capture 07a).
 *
 * @param bridgeId the bridge the channel is in, or null/blank when in none
 */
record LiveChannel(String channel, String uniqueId, String linkedId, String bridgeId) {

  boolean bridged() {
    return bridgeId != null && !bridgeId.isBlank();
  }
}
