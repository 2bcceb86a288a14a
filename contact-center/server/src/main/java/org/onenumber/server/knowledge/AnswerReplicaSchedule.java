package org.onenumber.server.knowledge;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Cluster nodes only: every {@code onenumber.cluster.answer-follow-every} (1 s) this node's answer
 * index replica reads the answer change log ({@link AnswerIndexKeeper#followChanges}), on owner and
 * standby alike (each node has its own index).
 */
@Singleton
@Requires(property = "onenumber.cluster.enabled", value = "true")
final class AnswerReplicaSchedule {

  private final AnswerIndexKeeper keeper;

  AnswerReplicaSchedule(AnswerIndexKeeper keeper) {
    this.keeper = keeper;
  }

  @Scheduled(fixedDelay = "${onenumber.cluster.answer-follow-every:1s}", initialDelay = "1s")
  void follow() {
    keeper.followChanges();
  }
}
