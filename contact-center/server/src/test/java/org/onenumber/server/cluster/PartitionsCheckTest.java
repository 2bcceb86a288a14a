package org.onenumber.server.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.agent.ChannelCapacity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.routing.Partitions;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * The start-up check of {@code onenumber.cluster.partitions} against the directory's operators:
 * nothing configured passes; an operator of two partitions is named; a valid configuration passes
 * (each partition is then routed by an engine of its own).
 */
class PartitionsCheckTest {

  private final JdbcDirectory directory = new JdbcDirectory(new Jdbc(TestDatabases.h2()));

  @Test
  void partitionsAreCheckedAgainstTheOperators() {
    directory.save(operator("op-001", "general-ko", "messaging-ko"));
    directory.save(operator("op-002", "general-ko", "sign-video"));
    PartitionsCheck.check(Partitions.parse(""), directory);

    IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
        () -> PartitionsCheck.check(Partitions.parse("korean: general-ko messaging-ko; sign: sign-video"), directory));
    assertTrue(split.getMessage().contains("op-002 (korean: general-ko; sign: sign-video)"), split.getMessage());

    directory.save(operator("op-002", "sign-video"));
    PartitionsCheck.check(Partitions.parse("korean: general-ko messaging-ko; sign: sign-video"), directory);
  }

  private static Agent operator(String id, String... queues) {
    return new Agent(new AgentId(id), id, Set.of(), Set.of(Language.KOREAN), ChannelCapacity.DEFAULT,
        Arrays.stream(queues).map(QueueId::new).collect(Collectors.toSet()),
        AgentState.OFFLINE, null);
  }
}
