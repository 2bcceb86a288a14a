package org.onenumber.server.reform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Request bodies of the reform board's API (docs/api/analytics.md). */
final class ReformBodies {

  private ReformBodies() {}

  /**
   * A new task: the issue's key (a cell, a burst key or a type code), the complaint type whose volume
   * measures it, the cause (LAW, PROCESS, PRACTICE, SYSTEM), title, owner (a staff login), due date
   * (YYYY-MM-DD) and the ladder step it starts on (default 1).
   */
  @Serdeable
  record Open(@Nullable String issue, @Nullable String type, @Nullable String cause, @Nullable String title,
      @Nullable String owner, @Nullable String due, @Nullable Integer step) {}

  /** The step to climb to, with an optional note. */
  @Serdeable
  record Climb(@Nullable Integer step, @Nullable String note) {}

  /** An optional closing note. */
  @Serdeable
  record Close(@Nullable String note) {}

  /** Contacts and cases to link to a task (ids from its drill-down; at most 100 in all). */
  @Serdeable
  record Links(@Nullable List<String> contacts, @Nullable List<String> cases) {}
}
