package org.onenumber.channels.open311;

import java.nio.charset.StandardCharsets;
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
    return new String(bytes(root), StandardCharsets.UTF_8);
  }

  /**
   * The document {@code root} in this format as UTF-8, the response body: JSON straight from a
   * streaming generator ({@link GeoReportJson}), XML from one builder encoded once.
   */
  public byte[] bytes(Node root) {
    if (this == JSON) {
      return GeoReportJson.bytes(root);
    }
    StringBuilder out = new StringBuilder(4096);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml(root, out);
    out.append('\n');
    return out.toString().getBytes(StandardCharsets.UTF_8);
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

  private static String text(Object value) {
    if (value instanceof Double d) {
      return GeoReportJson.plain(d);
    }
    return value.toString();
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
