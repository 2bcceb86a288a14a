package org.onenumber.core.agent;

import org.onenumber.core.error.InvalidInputException;

/**
 * How much an agent can hold at once: one voice or video call (exclusive), or up to
 * {@code maxMessaging} chats, SMS and WhatsApp threads.
 */
public record ChannelCapacity(int maxMessaging) {

  public static final ChannelCapacity DEFAULT = new ChannelCapacity(3);

  public ChannelCapacity {
    if (maxMessaging < 0 || maxMessaging > 20) {
      throw new InvalidInputException("maxMessaging must be 0..20, got " + maxMessaging);
    }
  }
}
