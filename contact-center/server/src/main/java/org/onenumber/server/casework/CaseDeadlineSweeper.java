package org.onenumber.server.casework;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.onenumber.core.casework.CaseAutoClose;
import org.onenumber.core.casework.CaseDeadlines;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.server.cluster.RoutingOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reminder and overdue sweep, then the auto-close of quiet resolved cases
 * ({@code onenumber.cases.auto-close-after}, 14 days, never less than the reopen window), every
 * {@code onenumber.cases.sweep-every} (one minute). A failing sweep (the database is down) is
 * logged and retried at the next tick; the rows already written make every reminder fire once.
 */
@Singleton
final class CaseDeadlineSweeper {

  private static final Logger LOG = LoggerFactory.getLogger(CaseDeadlineSweeper.class);

  private final CaseDeadlines deadlines;
  private final CaseAutoClose autoClose;

  CaseDeadlineSweeper(CaseDeadlines deadlines, CaseAutoClose autoClose) {
    this.deadlines = deadlines;
    this.autoClose = autoClose;
  }

  @Scheduled(fixedDelay = "${onenumber.cases.sweep-every:1m}", initialDelay = "30s",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void sweep() {
    try {
      int written = deadlines.sweep();
      if (written > 0) {
        LOG.info("case deadlines: {} reminders or overdue escalations", written);
      }
      int closed = autoClose.sweep();
      if (closed > 0) {
        LOG.info("case deadlines: {} resolved cases closed after the quiet period", closed);
      }
    } catch (OneNumberException e) {
      LOG.warn("case deadline sweep failed: {}", e.getMessage());
    }
  }
}
