package org.onenumber.core.welfare;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.onenumber.core.error.InvalidInputException;

/**
 * What the district's welfare team found when it worked a welfare case: the case closes only with
 * one of these (the escalations list shows it).
 */
public enum WelfareCaseOutcome {
  /** Someone visited the senior at home. */
  VISIT_MADE,
  /** The senior was reached (by phone, a neighbour, the worker) and is safe. */
  SENIOR_SAFE,
  /** Emergency services (119) were called. */
  EMERGENCY_SERVICES,
  /** The senior is in hospital or care. */
  HOSPITALISED,
  /** Anything else, told in the case's note. */
  OTHER;

  /** Parses {@code text} (case and dashes ignored). @throws InvalidInputException naming the choices, not the input */
  public static WelfareCaseOutcome parse(String text) {
    InvalidInputException.requireText(text, "welfareOutcome");
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("welfareOutcome must be one of " + Arrays.stream(values()).map(Enum::name)
          .collect(Collectors.joining(", ")));
    }
  }
}
