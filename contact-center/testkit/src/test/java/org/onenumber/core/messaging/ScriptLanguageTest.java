package org.onenumber.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Language;

class ScriptLanguageTest {

  @Test
  void eachServedScriptIsRecognised() {
    assertEquals(Optional.of(Language.KOREAN), ScriptLanguage.guess("수도 요금 문의"));
    assertEquals(Optional.of(Language.JAPANESE), ScriptLanguage.guess("水道料金について"));
    assertEquals(Optional.of(Language.CHINESE), ScriptLanguage.guess("水费问题"));
    assertEquals(Optional.of(Language.MONGOLIAN), ScriptLanguage.guess("Сайн байна уу"));
    assertEquals(Optional.of(Language.VIETNAMESE), ScriptLanguage.guess("Xin chào, tôi cần giúp đỡ"));
    assertEquals(Optional.of(Language.ENGLISH), ScriptLanguage.guess("water bill"));
    assertEquals(Optional.empty(), ScriptLanguage.guess("12345 !!"));
  }
}
