package org.onenumber.server.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

class IdempotencyKeyTest {

  private static final byte[] BODY = "{\"channel\":\"SMS\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aUuidIsAKeyScopedToTheCallerOrAnonymous() {
    String uuid = "3f1c2a8e-5b7d-4e0a-9c61-0d2f4b8a7e15";
    assertEquals("anonymous", IdempotencyKey.of(null, uuid, BODY).scope());
    assertEquals("integration:pbx", IdempotencyKey.of("integration:pbx", uuid, BODY).scope());
    assertEquals(64, IdempotencyKey.of(null, uuid, BODY).bodySha256().length());
  }

  @Test
  void theHashTellsBodiesApart() {
    String key = "abcdefghijklmnop";
    assertEquals(IdempotencyKey.of(null, key, BODY).bodySha256(), IdempotencyKey.of(null, key, BODY.clone()).bodySha256());
    assertNotEquals(IdempotencyKey.of(null, key, BODY).bodySha256(),
        IdempotencyKey.of(null, key, "{}".getBytes(StandardCharsets.UTF_8)).bodySha256());
  }

  @Test
  void tooShortTooLongOrOtherCharactersAreRefused() {
    for (String key : new String[] {"", "abc", "x".repeat(129), "abcdefghijklmnop qr", "abcdefghijklmnop/q", "키키키키키키키키키키키키키키키키"}) {
      assertThrows(InvalidInputException.class, () -> IdempotencyKey.of(null, key, BODY), key);
    }
    assertEquals(128, IdempotencyKey.of(null, "x".repeat(128), BODY).key().length());
  }
}
