package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Language;

class PromptTest {

  @Test
  void namesFilesByLanguageAndKey() {
    assertEquals("onenumber/en/main-menu", Prompt.MAIN_MENU.file(Language.ENGLISH));
    assertEquals("onenumber/mn/estimated-wait", Prompt.ESTIMATED_WAIT.file(Language.MONGOLIAN));
  }

  @Test
  void languagesWithoutPromptsFallBackToKorean() {
    assertEquals("onenumber/ko/goodbye", Prompt.GOODBYE.file(Language.KOREAN_SIGN));
  }

  @Test
  void theMenuDigitIsThePositionInTheLanguageList() {
    assertEquals(Language.KOREAN, Prompt.LANGUAGES.get(0));
    assertEquals(Language.ENGLISH, Prompt.LANGUAGES.get(1));
    assertEquals(Language.MONGOLIAN, Prompt.LANGUAGES.get(5));
  }
}
