package org.onenumber.core.routing;

import org.onenumber.core.contact.Channel;

/** The capacity a contact takes: a whole agent (voice, video) or one messaging slot. */
enum Kind {
  EXCLUSIVE,
  MESSAGING;

  static Kind of(Channel channel) {
    return channel.isExclusive() ? EXCLUSIVE : MESSAGING;
  }
}
