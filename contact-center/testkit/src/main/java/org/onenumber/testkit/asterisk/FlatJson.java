package org.onenumber.testkit.asterisk;

import java.util.HashMap;
import java.util.Map;

/** A parser for one flat JSON object of strings, numbers and booleans (a line of a recording). */
final class FlatJson {

  private final Map<String, Object> values = new HashMap<>();
  private final String s;
  private int i;

  FlatJson(String text) {
    this.s = text;
    skip('{');
    while (peek() != '}') {
      String key = string();
      skip(':');
      values.put(key, value());
      if (peek() == ',') {
        i++;
      }
    }
  }

  String string(String key) {
    return (String) values.get(key);
  }

  double number(String key) {
    Object v = values.get(key);
    return v == null ? 0 : (Double) v;
  }

  boolean bool(String key) {
    return Boolean.TRUE.equals(values.get(key));
  }

  private Object value() {
    char c = peek();
    if (c == '"') {
      return string();
    }
    int start = i;
    while (i < s.length() && ",}".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    String raw = s.substring(start, i).strip();
    return switch (raw) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> null;
      default -> Double.valueOf(raw);
    };
  }

  private String string() {
    skip('"');
    StringBuilder out = new StringBuilder();
    while (s.charAt(i) != '"') {
      char c = s.charAt(i++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> out.append(e);
      }
    }
    i++;
    return out.toString();
  }

  private char peek() {
    while (Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.charAt(i);
  }

  private void skip(char expected) {
    if (peek() != expected) {
      throw new IllegalArgumentException("expected '" + expected + "' at " + i + " in " + s);
    }
    i++;
  }
}
