package org.onenumber.channels.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;

/**
 * Resume tokens: any node with the cluster's secret checks what another node issued; a token with its
 * contact changed, cut, signed with another secret or not a token at all names nothing.
 */
class CallTokensTest {

  private static final String SECRET = "a-cluster-secret-of-at-least-32-characters";
  private static final ContactId CONTACT = new ContactId("c-42");

  @Test
  void aTokenIssuedOnOneNodeIsCheckedOnAnother() {
    String token = CallTokens.shared(SECRET, new SplittableRandom(1)).issue(CONTACT, "browser-alice-01", CallMode.SIGN);
    assertEquals(Optional.of(new CallTokens.Claims(CONTACT, "browser-alice-01", CallMode.SIGN)),
        CallTokens.shared(SECRET, new SplittableRandom(2)).check(token));
    assertNotEquals(token, CallTokens.shared(SECRET, new SplittableRandom(3)).issue(CONTACT, "browser-alice-01",
        CallMode.SIGN), "two tokens of one call differ");
  }

  @Test
  void forgedCutForeignOrGarbledTokensNameNothing() {
    CallTokens node = CallTokens.shared(SECRET, new SplittableRandom(1));
    String token = node.issue(CONTACT, "browser-alice-01", CallMode.VOICE);
    String mac = token.substring(token.indexOf('.'));
    String otherContact = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "c-43\nbrowser-alice-01\nvoice\nAAAA".getBytes(StandardCharsets.UTF_8));
    assertEquals(Optional.empty(), node.check(otherContact + mac), "another contact under the same signature");
    assertEquals(Optional.empty(), node.check(token.substring(0, token.length() - 2)), "cut");
    assertEquals(Optional.empty(), CallTokens.shared(SECRET + "x", new SplittableRandom(1)).check(token),
        "another cluster's secret");
    assertEquals(Optional.empty(), CallTokens.ofThisProcess(new SplittableRandom(1)).check(token),
        "a node alone checks only its own");
    for (String garbage : new String[] {"", ".", "nope", "a.b", "%%%.%%%", "x".repeat(600) + ".y"}) {
      assertEquals(Optional.empty(), node.check(garbage), garbage);
    }
    assertTrue(token.length() < 300, token);
  }

  @Test
  void aShortSecretIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> CallTokens.shared("short", new SplittableRandom(1)));
  }
}
