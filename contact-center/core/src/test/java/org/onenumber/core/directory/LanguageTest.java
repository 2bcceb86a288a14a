package org.onenumber.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

class LanguageTest {

  @Test
  void dropsTheRegionAndLowerCasesTheCode() {
    assertEquals(Language.ENGLISH, Language.of("en-US"));
    assertEquals("en", Language.of("en-US").code());
    assertEquals(Language.CHINESE, Language.of("zh_Hant_TW"));
    assertEquals(Language.KOREAN, Language.of(" KO "));
    assertEquals(Language.KOREAN_SIGN, Language.of("KVK"));
  }

  @Test
  void recognisesSignLanguages() {
    assertTrue(Language.KOREAN_SIGN.isSignLanguage());
    assertTrue(Language.of("ase").isSignLanguage());
    assertFalse(Language.KOREAN.isSignLanguage());
    assertFalse(Language.ENGLISH.isSignLanguage());
  }

  @Test
  void rejectsInvalidCodes() {
    for (String bad : new String[] {"", " ", "e", "english", "e1", "-US", "한국어"}) {
      assertThrows(InvalidInputException.class, () -> Language.of(bad), bad);
    }
    assertThrows(InvalidInputException.class, () -> Language.of(null));
    assertThrows(InvalidInputException.class, () -> new Language("EN"));
    assertThrows(InvalidInputException.class, () -> new Language("en-US"));
  }

  @Test
  void printsAsItsCode() {
    assertEquals("kvk", Language.KOREAN_SIGN.toString());
  }
}
