package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignLanguageLinkTest {

  @Test
  void theCallPageLinkCarriesTheLanguageOfTheText() {
    assertEquals("https://onenumber.example/call/?lang=ko",
        SignLanguageLink.withLanguage(IvrSettings.defaults().signLanguageLink(), "ko"));
    assertEquals("https://city.example/call/?src=ivr&lang=en",
        SignLanguageLink.withLanguage("https://city.example/call/?src=ivr", "en"));
  }
}
