package org.onenumber.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.onenumber.core.event.DomainEvent;

/** Every permitted domain event type survives the trip to another node; foreign class names are refused. */
class DomainEventWireTest {

  @Test
  void everyDomainEventTypeRoundTripsEqual() throws Exception {
    Class<?>[] types = DomainEvent.class.getPermittedSubclasses();
    assertTrue(types.length >= 20, Arrays.toString(types));
    for (Class<?> type : types) {
      DomainEvent event = (DomainEvent) sample(type);
      assertEquals(event, DomainEventWire.read(DomainEventWire.write(event)), type.getName());
    }
  }

  @Test
  void aClassOutsideTheCoreIsRefusedBeforeItIsLoaded() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(9);
      out.writeUTF("java.util.HashMap");
    }
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> DomainEventWire.read(bytes.toByteArray()));
    assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
  }

  @Test
  void aCoreRecordThatIsNotAnEventIsRefusedAtTheTop() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(9);
      out.writeUTF("org.onenumber.core.contact.ContactId");
      out.writeByte(1);
      out.writeInt(1);
      out.write('x');
    }
    assertThrows(IllegalArgumentException.class, () -> DomainEventWire.read(bytes.toByteArray()));
  }

  /** An instance with a value in every component (null is kept for none: nulls travel too, tested apart). */
  private static Object sample(Class<?> type) throws Exception {
    if (type == String.class) {
      return "ko";
    } else if (type == int.class) {
      return 3;
    } else if (type == long.class) {
      return 4L;
    } else if (type == boolean.class) {
      return true;
    } else if (type == double.class) {
      return 1.5;
    } else if (type == Instant.class) {
      return Instant.parse("2026-12-02T10:15:30.123456789Z");
    } else if (type == Duration.class) {
      return Duration.ofMillis(90_500);
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[constants.length - 1];
    } else if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        args[i] = sample(types[i]);
      }
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      return canonical.newInstance(args);
    }
    throw new AssertionError("no sample for " + type);
  }
}
