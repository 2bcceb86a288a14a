package org.onenumber.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Language;
import org.onenumber.telephony.twilio.VoiceMenu.Choice;

class VoiceMenuTest {

  @Test
  void digitsOneToSixChooseTheSixLanguagesInMenuOrder() {
    assertEquals(new Choice.Chosen(Language.KOREAN), VoiceMenu.language("1", 0));
    assertEquals(new Choice.Chosen(Language.ENGLISH), VoiceMenu.language("2", 0));
    assertEquals(new Choice.Chosen(Language.CHINESE), VoiceMenu.language("3", 0));
    assertEquals(new Choice.Chosen(Language.JAPANESE), VoiceMenu.language("4", 0));
    assertEquals(new Choice.Chosen(Language.VIETNAMESE), VoiceMenu.language("5", 0));
    assertEquals(new Choice.Chosen(Language.MONGOLIAN), VoiceMenu.language("6", 0));
  }

  @Test
  void sevenIsTheSignLanguageOption() {
    assertEquals(new Choice.SignLanguage(), VoiceMenu.language("7", 0));
  }

  @Test
  void garbageAndSilenceAskAgainThenFallBackToKorean() {
    assertEquals(new Choice.Invalid(1), VoiceMenu.language("9", 0));
    assertEquals(new Choice.Invalid(2), VoiceMenu.language(null, 1));
    assertEquals(new Choice.Chosen(Language.KOREAN), VoiceMenu.language("*#", 2));
  }

  @Test
  void onlyOneInTheOptionsMenuAsksForACallback() {
    assertTrue(VoiceMenu.wantsCallback("1"));
    assertFalse(VoiceMenu.wantsCallback(null));
    assertFalse(VoiceMenu.wantsCallback("2"));
    assertEquals(Language.KOREAN, VoiceMenu.languageOf("xx"));
    assertEquals(Language.VIETNAMESE, VoiceMenu.languageOf("vi"));
  }
}
