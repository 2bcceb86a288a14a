package org.onenumber.server.api;

import org.onenumber.core.error.InvalidInputException;

/** How many days a report looks back, from its {@code days} query value: absent → the default, else 1–max or 400. */
public final class LookBack {

  private LookBack() {}

  public static int days(Integer days, int otherwise, int max) {
    int n = days == null ? otherwise : days;
    if (n < 1 || n > max) {
      throw new InvalidInputException("days must be between 1 and " + max);
    }
    return n;
  }
}
