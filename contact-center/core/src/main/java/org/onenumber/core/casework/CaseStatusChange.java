package org.onenumber.core.casework;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/**
 * One row of a case's append-only history: the status after it, when, who, and what happened.
 *
 * @param note the internal note (staff only), or null
 * @param publicNote what the citizen is told and the tracking page shows, or null
 * @param kind what the row records; {@link CaseEntryKind#STATUS} when null
 * @param detail the kind's fact: {@code from>to} departments of a reassignment, the other case of a
 *     merge; else null
 */
public record CaseStatusChange(CaseStatus status, Instant at, String author, String note, String publicNote,
    CaseEntryKind kind, String detail) {

  static final int MAX_NOTE = 4_000;

  public CaseStatusChange {
    InvalidInputException.require(status, "status");
    InvalidInputException.require(at, "at");
    InvalidInputException.requireText(author, "author");
    note = blankToNull(note, "note");
    publicNote = blankToNull(publicNote, "publicNote");
    kind = kind == null ? CaseEntryKind.STATUS : kind;
  }

  /** A status change with an internal note only. */
  public CaseStatusChange(CaseStatus status, Instant at, String author, String note) {
    this(status, at, author, note, null, CaseEntryKind.STATUS, null);
  }

  private static String blankToNull(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > MAX_NOTE) {
      throw new InvalidInputException(field + " is longer than " + MAX_NOTE + " characters");
    }
    return text.strip();
  }
}
