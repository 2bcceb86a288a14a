package org.onenumber.channels.open311;

import java.util.List;

/**
 * One element of a GeoReport document, rendered as XML or as JSON by {@link Open311Format}. The
 * Spark convention maps the two: a {@link Leaf} is an element with text (a JSON member), a
 * {@link Group} an element with children (a JSON object), a {@link ListOf} an element whose
 * children repeat one name (a JSON array of the children's values).
 */
public sealed interface Node {

  String name();

  /** A value: a string, a number, a boolean, or null for an empty element. */
  record Leaf(String name, Object value) implements Node {}

  /** Named children, in order. */
  record Group(String name, List<Node> children) implements Node {
    public Group {
      children = List.copyOf(children);
    }
  }

  /** Repeated children, each named by the list's item name (services/service, formats/format). */
  record ListOf(String name, List<Node> items) implements Node {
    public ListOf {
      items = List.copyOf(items);
    }
  }

  static Leaf leaf(String name, Object value) {
    return new Leaf(name, value);
  }
}
