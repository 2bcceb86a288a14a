package org.onenumber.server.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * In a cluster ({@code onenumber.cluster.enabled}), reads the logouts and disablings the other
 * nodes wrote every {@code onenumber.security.revocations-refresh} (5 s), only what is new since the
 * last read ({@link TokenRevocations#refresh}). A single node has no such bean: it knows its own
 * revocations at once. {@code onenumber.security.shared-revocations} overrides the choice (true for
 * nodes sharing one database without the cluster's routing lease, as a test does).
 */
@Singleton
@Requires(condition = SharedRevocations.Enabled.class)
final class SharedRevocations {

  private final TokenRevocations revocations;

  SharedRevocations(TokenRevocations revocations) {
    this.revocations = revocations;
  }

  @Scheduled(fixedDelay = "${onenumber.security.revocations-refresh:5s}",
      initialDelay = "${onenumber.security.revocations-refresh:5s}")
  void refresh() {
    revocations.refresh();
  }

  /** True in a cluster, unless {@code onenumber.security.shared-revocations} says otherwise. */
  static final class Enabled implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
      boolean cluster = context.getProperty("onenumber.cluster.enabled", Boolean.class).orElse(false);
      return context.getProperty("onenumber.security.shared-revocations", Boolean.class).orElse(cluster);
    }
  }
}
