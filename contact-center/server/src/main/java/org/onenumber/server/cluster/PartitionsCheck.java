package org.onenumber.server.cluster;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import org.onenumber.core.routing.Partitions;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.seed.DirectorySeeded;

/**
 * The configuration check of routing partitions ({@code onenumber.cluster.partitions}, issue 11), at
 * start and again after the demo seed ({@link DirectorySeeded}): partitions disjoint and every
 * operator's queues in one partition ({@link Partitions}), else the server refuses to start naming
 * what to change. Later directory edits are checked one by one ({@code PUT
 * /api/v1/admin/agents/{id}}: 400 naming the partitions). Each partition's lease is then held by one
 * node ({@link LeaseOwnership}), which routes it with an engine of its own
 * ({@code org.onenumber.server.routing.RoutingHost}; docs/architecture.md, "Routing partitions").
 */
@Context
@Requires(property = "onenumber.cluster.enabled", value = "true")
final class PartitionsCheck {

  private final JdbcDirectory directory;
  private final Partitions partitions;

  PartitionsCheck(JdbcDirectory directory, @Value("${onenumber.cluster.partitions:}") String configured) {
    this.directory = directory;
    this.partitions = Partitions.parse(configured);
    check(partitions, directory);
  }

  /** Checks again once the demo seed filled an empty directory: the start fails naming the operators. */
  @EventListener
  void onSeeded(DirectorySeeded seeded) {
    check(partitions, directory);
  }

  static void check(Partitions partitions, JdbcDirectory directory) {
    if (partitions.configured()) {
      partitions.checkOperators(directory.agents());
    }
  }
}
