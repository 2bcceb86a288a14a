package org.onenumber.core.directory;

import java.util.regex.Pattern;
import org.onenumber.core.error.InvalidInputException;

/** A competence an agent has and a contact may require, such as {@code transport} or {@code tax}. */
public record Skill(String code) {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  public Skill {
    InvalidInputException.requireText(code, "skill");
    if (!CODE.matcher(code).matches()) {
      throw new InvalidInputException("skill must be lower-case letters, digits and '-', got '" + code + "'");
    }
  }

  @Override
  public String toString() {
    return code;
  }
}
