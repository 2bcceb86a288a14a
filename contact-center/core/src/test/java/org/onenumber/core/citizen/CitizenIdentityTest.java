package org.onenumber.core.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

class CitizenIdentityTest {

  @Test
  void acceptsE164PhoneNumbers() {
    assertEquals("+821012345678", new CitizenIdentity.Phone("+821012345678").value());
    assertEquals("+1234567", new CitizenIdentity.Phone("+1234567").value());
    assertEquals("+123456789012345", new CitizenIdentity.Phone("+123456789012345").value());
    assertEquals("phone", new CitizenIdentity.Phone("+821012345678").kind());
  }

  @Test
  void rejectsPhoneNumbersThatAreNotE164() {
    for (String bad : new String[] {"01012345678", "+82 10 1234 5678", "+82-10-1234-5678", "+0101234567",
        "+123456", "+1234567890123456", "+82101234567a", " "}) {
      assertThrows(InvalidInputException.class, () -> new CitizenIdentity.Phone(bad), bad);
    }
  }

  @Test
  void lowerCasesAndTrimsEmailAddresses() {
    CitizenIdentity.Email email = new CitizenIdentity.Email("  Kim.MinJi@Example.COM ");
    assertEquals("kim.minji@example.com", email.value());
    assertEquals(new CitizenIdentity.Email("kim.minji@example.com"), email);
    assertEquals("email", email.kind());
  }

  @Test
  void rejectsStringsThatAreNotEmailAddresses() {
    for (String bad : new String[] {"kim", "kim@", "kim@example", "@example.com", "kim@@example.com",
        "kim min@example.com", "a@b." + "c".repeat(260)}) {
      assertThrows(InvalidInputException.class, () -> new CitizenIdentity.Email(bad), bad);
    }
  }

  @Test
  void limitsChatHandlesToTwoHundredCharacters() {
    assertEquals("x".repeat(200), new CitizenIdentity.ChatHandle("x".repeat(200)).value());
    assertThrows(InvalidInputException.class, () -> new CitizenIdentity.ChatHandle("x".repeat(201)));
    assertThrows(InvalidInputException.class, () -> new CitizenIdentity.ChatHandle(" "));
    assertEquals("chat", new CitizenIdentity.ChatHandle("web:123").kind());
  }

  @Test
  void masksAllButTheLastFourCharactersOfALongValue() {
    assertEquals("*********5678", new CitizenIdentity.Phone("+821012345678").masked());
    assertEquals("*****************.com", new CitizenIdentity.Email("kim.minji@example.com").masked());
  }

  @Test
  void masksAllButTheLastThirdOfAShortValue() {
    assertEquals("******89", new CitizenIdentity.ChatHandle("abcdef89").masked());
    assertEquals("***", new CitizenIdentity.Phone("+1234567").masked().substring(0, 3));
    assertEquals("******67", new CitizenIdentity.Phone("+1234567").masked());
    assertEquals("**", new CitizenIdentity.ChatHandle("ab").masked());
  }

  @Test
  void buildsAnIdentityFromItsStoredKind() {
    assertInstanceOf(CitizenIdentity.Phone.class, CitizenIdentity.of("phone", "+821012345678"));
    assertInstanceOf(CitizenIdentity.ChatHandle.class, CitizenIdentity.of("chat", "web:1"));
    assertEquals(new CitizenIdentity.Email("a@b.kr"), CitizenIdentity.of("email", "A@B.KR"));
  }

  @Test
  void rejectsAnUnknownIdentityKind() {
    assertThrows(InvalidInputException.class, () -> CitizenIdentity.of("fax", "+821012345678"));
    assertThrows(InvalidInputException.class, () -> CitizenIdentity.of("", "+821012345678"));
  }
}
