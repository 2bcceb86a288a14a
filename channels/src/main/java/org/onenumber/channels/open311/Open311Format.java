package org.onenumber.channels.open311;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two response formats, chosen by the resource's suffix ({@code services.xml},
 * {@code requests/{id}.json}). XML is the specification's required format: UTF-8 with the XML
 * declaration, no namespace. JSON follows the Spark convention: the root list becomes an array,
 * a list inside an object an array member, an empty element {@code null}.
 */
public enum Open311Format {
  XML("text/xml; charset=utf-8"),
  JSON("application/json; charset=utf-8");

  private final String contentType;

  Open311Format(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** The format named by a suffix ({@code xml}, {@code json}), any case; empty for any other. */
  public static Optional<Open311Format> ofSuffix(String suffix) {
    if (suffix == null) {
      return Optional.empty();
    }
    return switch (suffix.toLowerCase(Locale.ROOT)) {
      case "xml" -> Optional.of(XML);
      case "json" -> Optional.of(JSON);
      default -> Optional.empty();
    };
  }

  /** The document {@code root} in this format. */
  public String render(Node root) {
    StringBuilder out = new StringBuilder(256);
    if (this == XML) {
      out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      xml(root, out);
      out.append('\n');
    } else {
      json(root, out);
    }
    return out.toString();
  }

  private static void xml(Node node, StringBuilder out) {
    switch (node) {
      case Node.Leaf leaf when leaf.value() == null -> out.append('<').append(leaf.name()).append("/>");
      case Node.Leaf leaf -> {
        out.append('<').append(leaf.name()).append('>');
        escapeXml(text(leaf.value()), out);
        out.append("</").append(leaf.name()).append('>');
      }
      case Node.Group group -> xmlChildren(group.name(), group.children(), out);
      case Node.ListOf list -> xmlChildren(list.name(), list.items(), out);
    }
  }

  private static void xmlChildren(String name, List<Node> children, StringBuilder out) {
    out.append('<').append(name).append('>');
    children.forEach(child -> xml(child, out));
    out.append("</").append(name).append('>');
  }

  private static void json(Node node, StringBuilder out) {
    switch (node) {
      case Node.Leaf leaf -> jsonValue(leaf.value(), out);
      case Node.Group group -> {
        out.append('{');
        for (int i = 0; i < group.children().size(); i++) {
          Node child = group.children().get(i);
          if (i > 0) {
            out.append(',');
          }
          jsonString(child.name(), out);
          out.append(':');
          json(child, out);
        }
        out.append('}');
      }
      case Node.ListOf list -> {
        out.append('[');
        for (int i = 0; i < list.items().size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          json(list.items().get(i), out);
        }
        out.append(']');
      }
    }
  }

  private static void jsonValue(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Number) {
      out.append(text(value));
    } else {
      jsonString(value.toString(), out);
    }
  }

  private static String text(Object value) {
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static void jsonString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<' -> out.append("\\u003c");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void escapeXml(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          // Characters XML 1.0 cannot carry at all are dropped rather than break the document.
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
  }
}
