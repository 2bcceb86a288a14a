package org.onenumber.core.casework;

/** How urgent a case is for the department. */
public enum CasePriority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
