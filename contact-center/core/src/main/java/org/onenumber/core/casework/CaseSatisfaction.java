package org.onenumber.core.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The citizen's rating of a department's answer, read from the case history. The cases:
 *
 * <ol>
 *   <li>A rating is a {@link CaseEntryKind#RATED} row: the detail is the score (1–5), the internal
 *       note the citizen's comment.
 *   <li>A case awaits a rating while it is {@code RESOLVED} or {@code CLOSED}, its latest resolution
 *       is at most {@code within} old, and no rating came after that resolution (a reopened and
 *       again resolved case is asked again).
 *   <li>A rating of {@value #LOW} or less is low: the case needs a follow-up by the department's
 *       supervisor until a staff note is written after it.
 * </ol>
 *
 * Pure and thread-safe.
 */
public final class CaseSatisfaction {

  public static final int MIN_SCORE = 1;
  public static final int MAX_SCORE = 5;
  public static final int LOW = 2;
  /** A rating of this or more is satisfied (the public page's share of 4–5). */
  public static final int HIGH = 4;
  public static final int MAX_COMMENT = 1_000;

  private CaseSatisfaction() {}

  /** The score of a {@code RATED} row, or empty for any other row. */
  public static Optional<Integer> score(CaseStatusChange row) {
    if (row.kind() != CaseEntryKind.RATED || row.detail() == null || !row.detail().matches("[1-5]")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(row.detail()));
  }

  /** The latest rating of the case, if the citizen gave one. */
  public static Optional<Integer> latest(Case c) {
    List<CaseStatusChange> rows = c.history();
    for (int i = rows.size() - 1; i >= 0; i--) {
      Optional<Integer> score = score(rows.get(i));
      if (score.isPresent()) {
        return score;
      }
    }
    return Optional.empty();
  }

  /** Case 2: the citizen may rate the case at {@code now}. */
  public static boolean awaitsRating(Case c, Instant now, Duration within) {
    return unratedResolution(c).map(resolved -> !now.isAfter(resolved.plus(within))).orElse(false);
  }

  /**
   * The latest resolution of a resolved or closed case that no rating followed (its rating question
   * is pending, whatever its age), or empty.
   */
  public static Optional<Instant> unratedResolution(Case c) {
    if (c.status() != CaseStatus.RESOLVED && c.status() != CaseStatus.CLOSED) {
      return Optional.empty();
    }
    Instant resolved = null;
    boolean ratedSince = false;
    for (CaseStatusChange row : c.history()) {
      if (row.kind() == CaseEntryKind.STATUS && row.status() == CaseStatus.RESOLVED) {
        resolved = row.at();
        ratedSince = false;
      }
      ratedSince |= row.kind() == CaseEntryKind.RATED;
    }
    return ratedSince ? Optional.empty() : Optional.ofNullable(resolved);
  }

  /** Case 3: a low rating not yet followed up with a staff note. */
  public static boolean needsFollowUp(Case c) {
    boolean open = false;
    for (CaseStatusChange row : c.history()) {
      if (score(row).map(s -> s <= LOW).orElse(false)) {
        open = true;
      } else if (row.kind() == CaseEntryKind.NOTE) {
        open = false;
      }
    }
    return open;
  }

  /** The time of the latest resolution, the reference of the reopen and rating windows. */
  static Optional<Instant> resolvedAt(Case c) {
    Instant at = null;
    for (CaseStatusChange row : c.history()) {
      if (row.kind() == CaseEntryKind.STATUS && row.status() == CaseStatus.RESOLVED) {
        at = row.at();
      }
    }
    return Optional.ofNullable(at);
  }
}
