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
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onenumber.core.event.DomainEvent;

/**
 * Domain events as bytes for the clustered event bus: a record is its class name and its components
 * in declaration order, rebuilt through its canonical constructor (so its validation runs again).
 * Values are records and enums of {@code org.onenumber.core}, strings, {@code int}, {@code long},
 * {@code boolean}, {@code double}, {@link Instant}, {@link Duration}, zone ids, local times and dates,
 * days of the week, lists, sets and maps of these
 * (read back unmodifiable, in their order) and null, which is everything the events, the routing
 * commands and their decisions hold ({@code DomainEventWireTest} round-trips every permitted event
 * type and routing command). {@link #writeCore}/{@link #readCore} carry any core record whose top
 * type the reader names (the routing relay's commands and decisions), {@link #writeCoreList}/{@link
 * #readCoreList} lists of them (the relay's list reads).
 *
 * <p>Reading trusts no class name: the top level must be a permitted {@link DomainEvent} type, every
 * nested one a record or enum of {@code org.onenumber.core}, checked before the class is initialised
 * (no Java serialization, no gadget). Stateless, thread-safe.
 */
public final class DomainEventWire {

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
  private static final byte LIST = 10;
  private static final byte SET = 11;
  private static final byte MAP = 12;
  private static final byte TIME_TEXT = 13;
  private static final int MAX_ITEMS = 100_000;

  private DomainEventWire() {}

  static byte[] write(DomainEvent event) {
    return writeCore((Record) event);
  }

  /** A record of the core as bytes (a routing command, its decisions). */
  public static byte[] writeCore(Record record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      value(out, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads what {@link #writeCore} wrote; refused unless the top record is a {@code top} of the core. */
  public static <T> T readCore(byte[] bytes, Class<T> top) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readByte() != RECORD) {
        throw new IllegalArgumentException("not a record");
      }
      Class<?> type = coreClass(in.readUTF());
      if (!top.isAssignableFrom(type) || !type.isRecord()) {
        throw new IllegalArgumentException("not a " + top.getSimpleName() + ": " + type.getName());
      }
      return top.cast(record(in, type, 0));
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable " + top.getSimpleName(), e);
    }
  }

  /** Records of the core as bytes, in their order (a relayed read's list: queue configurations, agents). */
  public static byte[] writeCoreList(List<? extends Record> records) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      items(out, LIST, records);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads what {@link #writeCoreList} wrote; refused unless every item is an {@code item} of the core. */
  public static <T> List<T> readCoreList(byte[] bytes, Class<T> item) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readByte() != LIST) {
        throw new IllegalArgumentException("not a list");
      }
      int n = count(in, 0);
      List<T> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        if (in.readByte() != RECORD) {
          throw new IllegalArgumentException("not a record in the list");
        }
        Class<?> type = coreClass(in.readUTF());
        if (!item.isAssignableFrom(type) || !type.isRecord()) {
          throw new IllegalArgumentException("not a " + item.getSimpleName() + ": " + type.getName());
        }
        items.add(item.cast(record(in, type, 1)));
      }
      return Collections.unmodifiableList(items);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable list of " + item.getSimpleName(), e);
    }
  }

  static DomainEvent read(byte[] bytes) {
    return readCore(bytes, DomainEvent.class);
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
      case ZoneId z -> timeText(out, 'Z', z.getId());
      case LocalTime t -> timeText(out, 'T', t.toString());
      case LocalDate d -> timeText(out, 'D', d.toString());
      case DayOfWeek d -> timeText(out, 'W', d.name());
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
      case List<?> list -> items(out, LIST, list);
      case Set<?> set -> items(out, SET, set);
      case Map<?, ?> map -> {
        out.writeByte(MAP);
        out.writeInt(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          value(out, e.getKey());
          value(out, e.getValue());
        }
      }
      default -> throw new IllegalArgumentException("no wire form for " + v.getClass().getName());
    }
  }

  /** A zone, local time, local date or day of the week (the queues' opening hours): a kind letter and its text. */
  private static void timeText(DataOutputStream out, char kind, String text) throws IOException {
    out.writeByte(TIME_TEXT);
    out.writeByte(kind);
    out.writeUTF(text);
  }

  private static Object timeText(DataInputStream in) throws IOException {
    char kind = (char) in.readByte();
    String text = in.readUTF();
    try {
      return switch (kind) {
        case 'Z' -> ZoneId.of(text);
        case 'T' -> LocalTime.parse(text);
        case 'D' -> LocalDate.parse(text);
        case 'W' -> DayOfWeek.valueOf(text);
        default -> throw new IllegalArgumentException("unknown time kind " + kind);
      };
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("bad time value " + text, e);
    }
  }

  private static void items(DataOutputStream out, byte tag, Collection<?> items) throws IOException {
    out.writeByte(tag);
    out.writeInt(items.size());
    for (Object item : items) {
      value(out, item);
    }
  }

  private static int count(DataInputStream in, int depth) throws IOException {
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException("nested too deep");
    }
    int n = in.readInt();
    if (n < 0 || n > MAX_ITEMS || n > in.available()) {
      throw new IllegalArgumentException("bad item count " + n);
    }
    return n;
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
      case TIME_TEXT -> timeText(in);
      case ENUM -> enumValue(coreClass(in.readUTF()), in.readUTF());
      case RECORD -> {
        Class<?> type = coreClass(in.readUTF());
        if (!type.isRecord() || depth >= MAX_DEPTH) {
          throw new IllegalArgumentException("not a record here: " + type.getName());
        }
        yield record(in, type, depth + 1);
      }
      case LIST, SET -> {
        int n = count(in, depth);
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(value(in, depth + 1));
        }
        yield tag == LIST ? Collections.unmodifiableList(items)
            : Collections.unmodifiableSet(new LinkedHashSet<>(items));
      }
      case MAP -> {
        int n = count(in, depth);
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          map.put(value(in, depth + 1), value(in, depth + 1));
        }
        yield Collections.unmodifiableMap(map);
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
