package org.onenumber.channels.open311;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A GeoReport document as JSON, written as UTF-8 bytes by Jackson's streaming generator (no string
 * of the whole document, no second encoding pass): the Spark convention of {@link Open311Format}.
 * Besides JSON's own escapes, {@code <} and U+2028/U+2029 are escaped (the document may be put
 * inside a page's script), and control characters as lower-case {@code \\uXXXX} except {@code \\n},
 * {@code \\r} and {@code \\t}. Thread-safe.
 */
final class GeoReportJson {

  private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new Escapes()).build();

  private GeoReportJson() {}

  static byte[] bytes(Node root) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(8192);
        JsonGenerator json = FACTORY.createGenerator(out)) {
      write(root, json);
      json.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Node node, JsonGenerator json) throws IOException {
    switch (node) {
      case Node.Leaf leaf -> value(leaf.value(), json);
      case Node.Group group -> {
        json.writeStartObject();
        for (Node child : group.children()) {
          json.writeFieldName(child.name());
          write(child, json);
        }
        json.writeEndObject();
      }
      case Node.ListOf list -> {
        json.writeStartArray();
        for (Node item : list.items()) {
          write(item, json);
        }
        json.writeEndArray();
      }
    }
  }

  private static void value(Object value, JsonGenerator json) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case Boolean b -> json.writeBoolean(b);
      case Integer i -> json.writeNumber(i);
      case Long l -> json.writeNumber(l);
      case Double d -> json.writeNumber(plain(d));
      case Number n -> json.writeNumber(n.toString());
      default -> json.writeString(value.toString());
    }
  }

  /** A double without exponent or trailing zeros ({@code 37.5}, {@code 127}), as the XML shows it. */
  static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** JSON's escapes plus {@code <}, U+2028, U+2029 and every control character but \n, \r, \t as \\u00xx. */
  private static final class Escapes extends CharacterEscapes {

    private static final int[] ASCII = standardAsciiEscapesForJSON();
    private static final SerializedString LESS_THAN = new SerializedString("\\u003c");
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
    private static final List<SerializedString> CONTROL = java.util.stream.IntStream.range(0, 0x20)
        .mapToObj(c -> new SerializedString(String.format("\\u%04x", c))).toList();

    static {
      for (int c = 0; c < 0x20; c++) {
        if (c != '\n' && c != '\r' && c != '\t') {
          ASCII[c] = ESCAPE_CUSTOM;
        }
      }
      ASCII['<'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      return switch (c) {
        case '<' -> LESS_THAN;
        case '\u2028' -> LINE_SEPARATOR;
        case '\u2029' -> PARAGRAPH_SEPARATOR;
        default -> c < 0x20 ? CONTROL.get(c) : null;
      };
    }
  }
}
