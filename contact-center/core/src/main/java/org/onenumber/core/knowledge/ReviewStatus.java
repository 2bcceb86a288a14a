package org.onenumber.core.knowledge;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an answer is in its review. Only {@link #PUBLISHED} answers are shown to operators by
 * default. {@link #canMoveTo} is the single source of truth for allowed moves; the diagram is in
 * the package documentation.
 */
public enum ReviewStatus {
  DRAFT,
  IN_REVIEW,
  PUBLISHED,
  EXPIRED,
  ARCHIVED;

  public boolean canMoveTo(ReviewStatus next) {
    return successors().contains(next);
  }

  /** The states reachable in one step from this one. */
  public Set<ReviewStatus> successors() {
    return switch (this) {
      case DRAFT -> EnumSet.of(IN_REVIEW, ARCHIVED);
      case IN_REVIEW -> EnumSet.of(DRAFT, PUBLISHED, ARCHIVED);
      case PUBLISHED -> EnumSet.of(DRAFT, EXPIRED, ARCHIVED);
      case EXPIRED -> EnumSet.of(DRAFT, ARCHIVED);
      case ARCHIVED -> EnumSet.noneOf(ReviewStatus.class);
    };
  }

  /** True when the content may be edited in place (otherwise reopen to a draft first). */
  public boolean isEditable() {
    return this == DRAFT;
  }
}
