package org.onenumber.server.cluster;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import org.onenumber.core.routing.Partitions;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * The configuration check of routing partitions ({@code onenumber.cluster.partitions}, issue 11), at
 * start: partitions disjoint and every operator's queues in one partition ({@link Partitions}),
 * else the server refuses to start naming what to change. In this slice the lease is held per
 * partition ({@link LeaseOwnership}) but one engine still routes every queue on the default
 * partition's owner, so a configuration with partitions is refused after the check, saying so
 * (docs/architecture.md, "Routing partitions").
 */
@Context
@Requires(property = "onenumber.cluster.enabled", value = "true")
final class PartitionsCheck {

  PartitionsCheck(JdbcDirectory directory, @Value("${onenumber.cluster.partitions:}") String configured) {
    check(Partitions.parse(configured), directory);
  }

  static void check(Partitions partitions, JdbcDirectory directory) {
    if (!partitions.configured()) {
      return;
    }
    partitions.checkOperators(directory.agents());
    throw new IllegalStateException("onenumber.cluster.partitions " + partitions.names() + " passed the check, but"
        + " routing one engine per partition is not built yet (the leases are): leave onenumber.cluster.partitions"
        + " empty (one partition, every queue)");
  }
}
