package org.onenumber.telephony.asterisk;

import java.util.List;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.out.MessageGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Case 5b: texts a caller who asked for sign language the link to a video call with an interpreter,
 * through core's {@link MessageGateway} (Twilio SMS in the server). The link is the server's citizen
 * call page {@code /call/} with {@code lang=ko} or {@code lang=en} added, the language of the SMS
 * text, so the page opens in it. A refusal (SMS not configured)
 * or failure is logged with the masked number and reported as false.
 */
final class SignLanguageLink {

  private static final Logger LOG = LoggerFactory.getLogger(SignLanguageLink.class);

  private SignLanguageLink() {}

  static boolean send(Ivr ivr, CitizenIdentity.Phone phone, Language language) {
    boolean korean = Language.KOREAN.equals(language);
    String link = withLanguage(ivr.settings().signLanguageLink(), korean ? "ko" : "en");
    String body = korean
        ? "수어 통역 영상통화 연결: " + link
        : "Video call with a sign-language interpreter: " + link;
    try {
      ivr.sms().send(new MessageGateway.Outbound(null, Channel.SMS, phone.value(), body, List.of()));
      return true;
    } catch (RuntimeException e) {
      LOG.warn("sign-language link not sent to {}: {}", phone.masked(), e.getMessage());
      return false;
    }
  }

  /** {@code link} with {@code lang=code} added to its query. */
  static String withLanguage(String link, String code) {
    return link + (link.contains("?") ? "&" : "?") + "lang=" + code;
  }
}
