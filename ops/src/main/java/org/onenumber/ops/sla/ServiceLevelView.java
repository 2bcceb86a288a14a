package org.onenumber.ops.sla;

import java.time.Instant;
import java.util.Set;

/**
 * Read side shared by the live fold and the batch recomputation, so both are queried, compared
 * and rendered the same way.
 */
public interface ServiceLevelView {

  ServiceLevelPolicy policy();

  /** The raw tally of {@code scope} over {@code window} as of {@code now}. */
  Tally tally(Scope scope, Window window, Instant now);

  /** The figures of {@code scope} over {@code window} as of {@code now}. */
  default Figures figures(Scope scope, Window window, Instant now) {
    return Figures.of(tally(scope, window, now), policy());
  }

  /** Queue length, longest wait and agents by state as of {@code now}. */
  LiveStatus status(Scope scope, Instant now);

  /** Every scope that has seen activity. */
  Set<Scope> scopes();
}
