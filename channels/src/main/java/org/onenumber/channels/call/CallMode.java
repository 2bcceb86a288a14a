package org.onenumber.channels.call;

import java.util.Locale;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;

/**
 * What the citizen asked for on the call page, and where routing sends it: a sign-language video
 * call is a {@code VIDEO} contact in Korean Sign Language for the {@code sign-language-video} queue
 * (signing operators only); a voice call is a {@code VOICE} contact in the page's language, whose
 * queue routing chooses as for a phone call. Both are exclusive: an operator takes one at a time.
 */
public enum CallMode {
  SIGN(Channel.VIDEO),
  VOICE(Channel.VOICE);

  /** The queue of signing operators (seed data; the queue's own languages decide who else it serves). */
  public static final QueueId SIGN_LANGUAGE_QUEUE = new QueueId("sign-language-video");

  private final Channel channel;

  CallMode(Channel channel) {
    this.channel = channel;
  }

  public Channel channel() {
    return channel;
  }

  /** The contact's language: KSL for sign language, the page's language for voice. */
  public Language language(Language pageLanguage) {
    return this == SIGN ? Language.KOREAN_SIGN : pageLanguage;
  }

  /** The queue to name when opening the contact; null lets intake choose. */
  public QueueId queue() {
    return this == SIGN ? SIGN_LANGUAGE_QUEUE : null;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code sign} or {@code voice}; anything else is invalid input. */
  public static CallMode of(Object code) {
    if ("sign".equals(code)) {
      return SIGN;
    }
    if ("voice".equals(code)) {
      return VOICE;
    }
    throw new InvalidInputException("mode must be 'sign' or 'voice'");
  }
}
