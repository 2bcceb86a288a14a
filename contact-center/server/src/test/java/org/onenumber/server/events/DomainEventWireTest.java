package org.onenumber.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;

/**
 * Every permitted domain event type, routing command and their decisions survive the trip to another
 * node; foreign class names and a record of another type at the top are refused.
 */
class DomainEventWireTest {

  private static int times;
  private static boolean firstEnums;

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
  void everyRoutingCommandAndItsDecisionsRoundTripEqual() throws Exception {
    Class<?>[] types = RoutingCommand.class.getPermittedSubclasses();
    assertTrue(types.length >= 20, Arrays.toString(types));
    for (Class<?> type : types) {
      RoutingCommand command = type == RoutingCommand.Transfer.class // exactly one target: the others null
          ? new RoutingCommand.Transfer(new ContactId("c-1"), new QueueId("q-1"), null, null, true)
          : (RoutingCommand) sample(type);
      assertEquals(command, DomainEventWire.readCore(DomainEventWire.writeCore((Record) command), RoutingCommand.class),
          type.getName());
    }
    for (Class<?> read : List.of(Contact.class, org.onenumber.core.routing.AgentStatus.class)) { // relayed reads
      Record record = (Record) sample(read);
      assertEquals(record, DomainEventWire.readCore(DomainEventWire.writeCore(record), read));
    }
    Decisions decisions = (Decisions) sample(Decisions.class);
    assertEquals(decisions, DomainEventWire.readCore(DomainEventWire.writeCore(decisions), Decisions.class));
    assertThrows(IllegalArgumentException.class, () -> DomainEventWire.readCore(DomainEventWire.writeCore(decisions),
        RoutingCommand.class), "a reader names the top type it takes");
  }

  @Test
  void everyRelayedReadsAnswerRoundTripsEqualOneOrAList() throws Exception {
    for (Class<?> read : List.of(org.onenumber.core.routing.WaitStatus.class, org.onenumber.core.routing.QueueStatus.class,
        org.onenumber.core.routing.QueueConfig.class, org.onenumber.core.routing.AgentStatus.class, Contact.class)) {
      Record record = (Record) sample(read);
      assertEquals(record, DomainEventWire.readCore(DomainEventWire.writeCore(record), read), read.getName());
      List<Record> list = List.of(record, (Record) sample(read));
      assertEquals(list, DomainEventWire.readCoreList(DomainEventWire.writeCoreList(list), read), read.getName());
    }
    assertEquals(List.of(), DomainEventWire.readCoreList(DomainEventWire.writeCoreList(List.of()), Contact.class));
    byte[] contacts = DomainEventWire.writeCoreList(List.of((Record) sample(Contact.class)));
    assertThrows(IllegalArgumentException.class, () -> DomainEventWire.readCoreList(contacts,
        org.onenumber.core.routing.AgentStatus.class), "a reader names the item type it takes");
    assertThrows(IllegalArgumentException.class, () -> DomainEventWire.readCoreList(
        DomainEventWire.writeCore((Record) sample(Contact.class)), Contact.class), "a record is not a list");
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

  /** A sample of a component's declared type: a list, set or map holds one sample of its type arguments. */
  private static Object sample(Type generic) throws Exception {
    if (!(generic instanceof ParameterizedType p)) {
      return sample((Class<?>) generic);
    }
    Type[] of = p.getActualTypeArguments();
    Class<?> raw = (Class<?>) p.getRawType();
    if (raw == List.class) {
      return List.of(sample(of[0]));
    } else if (raw == Set.class) {
      return Set.of(sample(of[0]));
    } else if (raw == Map.class) {
      return Map.of(sample(of[0]), sample(of[1]));
    }
    throw new AssertionError("no sample for " + generic);
  }

  /** An instance with a value in every component (null is kept for none: nulls travel too, tested apart). */
  private static Object sample(Class<?> type) throws Exception {
    if (type == Contact.class && !firstEnums) { // a queued contact with two steps, as routing's Arrive takes
      firstEnums = true;
      try {
        return ((Contact) sample(type)).moveTo(ContactState.QUEUED, Instant.parse("2026-12-02T10:16:00Z"));
      } finally {
        firstEnums = false;
      }
    } else if (type.isInterface() && type.isSealed()) {
      return sample(type.getPermittedSubclasses()[0]);
    } else if (type == String.class) {
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
    } else if (type == java.time.ZoneId.class) {
      return java.time.ZoneId.of("Asia/Seoul");
    } else if (type == java.time.LocalTime.class) {
      return java.time.LocalTime.of(9, 0).plusMinutes(30L * times++); // each later: an opening ends after it starts
    } else if (type == java.time.LocalDate.class) {
      return java.time.LocalDate.of(2026, 12, 25);
    } else if (type == Duration.class) {
      return Duration.ofMillis(90_500);
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return firstEnums ? constants[0] : constants[constants.length - 1];
    } else if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        args[i] = sample(components[i].getGenericType());
      }
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      try {
        return canonical.newInstance(args);
      } catch (java.lang.reflect.InvocationTargetException refused) {
        if (firstEnums) {
          throw refused;
        }
        firstEnums = true; // e.g. a contact's first step must be CREATED: the first constants, once
        try {
          return sample(type);
        } finally {
          firstEnums = false;
        }
      }
    }
    throw new AssertionError("no sample for " + type);
  }
}
