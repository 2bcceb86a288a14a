package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CallerNumbersTest {

  private final CallerNumbers numbers = new CallerNumbers("KR");

  @Test
  void readsKoreanCallerIdsAsE164() {
    assertEquals("+821012345678", numbers.parse("01012345678").orElseThrow().value());
    assertEquals("+821012345678", numbers.parse("010-1234-5678").orElseThrow().value());
    assertEquals("+8221200120", numbers.parse("+82 2 120 0120").orElseThrow().value());
  }

  @Test
  void withheldOrGarbageCallerIdsStayAnonymous() {
    assertTrue(numbers.parse("unknown").isEmpty());
    assertTrue(numbers.parse("anonymous").isEmpty());
    assertTrue(numbers.parse("").isEmpty());
    assertTrue(numbers.parse(null).isEmpty());
    assertTrue(numbers.parse("12").isEmpty());
    assertTrue(numbers.parse("<script>").isEmpty());
  }
}
