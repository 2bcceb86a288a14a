package org.onenumber.server.events;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.onenumber.core.event.DomainEvent;

/**
 * Domain events as bytes for the clustered event bus: a record is its class name and its components
 * in declaration order, rebuilt through its canonical constructor (so its validation runs again).
 * Values are records and enums of {@code org.onenumber.core}, strings, {@code int}, {@code long},
 * {@code boolean}, {@code double}, {@link Instant}, {@link Duration} and null, which is everything
 * the events hold ({@code DomainEventWireTest} round-trips every permitted event type).
 *
 * <p>Reading trusts no class name: the top level must be a permitted {@link DomainEvent} type, every
 * nested one a record or enum of {@code org.onenumber.core}, checked before the class is initialised
 * (no Java serialization, no gadget). Stateless, thread-safe.
 */
final class DomainEventWire {

  private static final String CORE = "org.onenumber.core.";
  private static final int MAX_DEPTH = 8;
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte BOOLEAN = 4;
  private static final byte DOUBLE = 5;
  private static final byte INSTANT = 6;
  private static final byte DURATION = 7;
  private static final byte ENUM = 8;
  private static final byte RECORD = 9;

  private DomainEventWire() {}

  static byte[] write(DomainEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      value(out, event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static DomainEvent read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readByte() != RECORD) {
        throw new IllegalArgumentException("not a domain event");
      }
      Class<?> type = coreClass(in.readUTF());
      if (!DomainEvent.class.isAssignableFrom(type) || !type.isRecord()) {
        throw new IllegalArgumentException("not a domain event: " + type.getName());
      }
      return (DomainEvent) record(in, type, 0);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable domain event", e);
    }
  }

  private static void value(DataOutputStream out, Object v) throws IOException {
    switch (v) {
      case null -> out.writeByte(NULL);
      case String s -> {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeByte(STRING);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
      case Integer i -> {
        out.writeByte(INT);
        out.writeInt(i);
      }
      case Long l -> {
        out.writeByte(LONG);
        out.writeLong(l);
      }
      case Boolean b -> {
        out.writeByte(BOOLEAN);
        out.writeBoolean(b);
      }
      case Double d -> {
        out.writeByte(DOUBLE);
        out.writeDouble(d);
      }
      case Instant t -> {
        out.writeByte(INSTANT);
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
      }
      case Duration d -> {
        out.writeByte(DURATION);
        out.writeLong(d.getSeconds());
        out.writeInt(d.getNano());
      }
      case Enum<?> e -> {
        out.writeByte(ENUM);
        out.writeUTF(e.getDeclaringClass().getName());
        out.writeUTF(e.name());
      }
      case Record r -> {
        out.writeByte(RECORD);
        out.writeUTF(r.getClass().getName());
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          try {
            value(out, c.getAccessor().invoke(r));
          } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e);
          }
        }
      }
      default -> throw new IllegalArgumentException("no wire form for " + v.getClass().getName());
    }
  }

  private static Object value(DataInputStream in, int depth) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
          throw new IllegalArgumentException("bad string length " + length);
        }
        yield new String(in.readNBytes(length), StandardCharsets.UTF_8);
      }
      case INT -> in.readInt();
      case LONG -> in.readLong();
      case BOOLEAN -> in.readBoolean();
      case DOUBLE -> in.readDouble();
      case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
      case DURATION -> Duration.ofSeconds(in.readLong(), in.readInt());
      case ENUM -> enumValue(coreClass(in.readUTF()), in.readUTF());
      case RECORD -> {
        Class<?> type = coreClass(in.readUTF());
        if (!type.isRecord() || depth >= MAX_DEPTH) {
          throw new IllegalArgumentException("not a record here: " + type.getName());
        }
        yield record(in, type, depth + 1);
      }
      default -> throw new IllegalArgumentException("unknown tag " + tag);
    };
  }

  private static Object record(DataInputStream in, Class<?> type, int depth) throws IOException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = value(in, depth);
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(args);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot rebuild " + type.getName(), e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    if (!type.isEnum()) {
      throw new IllegalArgumentException("not an enum: " + type.getName());
    }
    return Enum.valueOf((Class) type, name);
  }

  /** Loads a class of the core without initialising it; anything else is refused. */
  private static Class<?> coreClass(String name) {
    if (!name.startsWith(CORE)) {
      throw new IllegalArgumentException("refused class " + name);
    }
    try {
      return Class.forName(name, false, DomainEvent.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("unknown class " + name, e);
    }
  }
}
