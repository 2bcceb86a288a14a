package org.onenumber.server.cluster;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import org.onenumber.core.routing.Partitions;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * The configuration check of routing partitions ({@code onenumber.cluster.partitions}, issue 11), at
 * start: partitions disjoint and every operator's queues in one partition ({@link Partitions}),
 * else the server refuses to start naming what to change. Each partition's lease is then held by one
 * node ({@link LeaseOwnership}), which routes it with an engine of its own
 * ({@code org.onenumber.server.routing.RoutingHost}; docs/architecture.md, "Routing partitions").
 */
@Context
@Requires(property = "onenumber.cluster.enabled", value = "true")
final class PartitionsCheck {

  PartitionsCheck(JdbcDirectory directory, @Value("${onenumber.cluster.partitions:}") String configured) {
    check(Partitions.parse(configured), directory);
  }

  static void check(Partitions partitions, JdbcDirectory directory) {
    if (partitions.configured()) {
      partitions.checkOperators(directory.agents());
    }
  }
}
