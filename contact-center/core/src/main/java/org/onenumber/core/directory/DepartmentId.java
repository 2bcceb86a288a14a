package org.onenumber.core.directory;

import org.onenumber.core.error.InvalidInputException;

/** Identifies a {@link Department}; a readable code such as {@code water}. */
public record DepartmentId(String value) {
  public DepartmentId {
    InvalidInputException.requireText(value, "departmentId");
  }

  @Override
  public String toString() {
    return value;
  }
}
