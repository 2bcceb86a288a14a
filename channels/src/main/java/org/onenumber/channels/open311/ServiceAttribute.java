package org.onenumber.channels.open311;

import java.util.List;
import java.util.Locale;
import org.onenumber.core.error.InvalidInputException;

/**
 * One question of a service definition, answered in a POST as {@code attribute[code]=value}
 * ({@code attribute[code][]=value} repeated for a {@code multivaluelist}).
 *
 * @param variable false for text only shown to the person (never answered)
 * @param datatype string, number, datetime, text, singlevaluelist or multivaluelist
 * @param order 1 is shown first
 * @param values the choices of a list datatype; empty otherwise
 */
public record ServiceAttribute(String code, boolean variable, String datatype, boolean required,
    String datatypeDescription, int order, String description, List<Choice> values) {

  /** The datatypes the specification defines. */
  public static final List<String> DATATYPES =
      List.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");

  /** One choice of a list: {@code key} is sent, {@code name} is shown. */
  public record Choice(String key, String name) {
    public Choice {
      InvalidInputException.requireText(key, "key");
      InvalidInputException.requireText(name, "name");
    }
  }

  public ServiceAttribute {
    InvalidInputException.requireText(code, "code");
    datatype = InvalidInputException.requireText(datatype, "datatype").toLowerCase(Locale.ROOT);
    if (!DATATYPES.contains(datatype)) {
      throw new InvalidInputException("datatype must be one of " + DATATYPES);
    }
    values = List.copyOf(values == null ? List.of() : values);
    if (datatype.endsWith("valuelist") && values.isEmpty()) {
      throw new InvalidInputException("a list attribute needs values");
    }
    if (order < 1) {
      throw new InvalidInputException("order must be positive");
    }
  }

  public boolean isList() {
    return datatype.endsWith("valuelist");
  }

  public boolean isMultiple() {
    return datatype.equals("multivaluelist");
  }

  /** True when {@code key} is one of this list's choices. */
  public boolean offers(String key) {
    return values.stream().anyMatch(v -> v.key().equals(key));
  }
}
