package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.agent.ChannelCapacity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;

/** A city's teams as routing partitions: disjoint queues, operators within one partition, the spread. */
class PartitionsTest {

  private final Partitions city = Partitions.of(Map.of(
      "korean", queues("general-ko", "messaging-ko"),
      "sign", queues("sign-video")));

  @Test
  void everyQueueNoPartitionNamesIsTheDefaultPartitionsAsWithoutConfiguration() {
    assertEquals(Set.of("routing", "korean", "sign"), city.names());
    assertEquals("korean", city.of(new QueueId("messaging-ko")));
    assertEquals("sign", city.of(new QueueId("sign-video")));
    assertEquals("routing", city.of(new QueueId("general-en")));
    assertTrue(city.configured());
    Partitions none = Partitions.none();
    assertFalse(none.configured());
    assertEquals(Set.of("routing"), none.names());
    assertEquals("routing", none.of(new QueueId("sign-video")));
  }

  @Test
  void oneConfigurationLineNamesEachPartitionAndItsQueues() {
    assertEquals(city.names(), Partitions.parse(" korean: general-ko, messaging-ko ; sign:sign-video;").names());
    Partitions parsed = Partitions.parse("korean: general-ko messaging-ko; sign: sign-video");
    assertEquals("korean", parsed.of(new QueueId("messaging-ko")));
    assertEquals("sign", parsed.of(new QueueId("sign-video")));
    assertFalse(Partitions.parse("  ").configured());
    assertFalse(Partitions.parse(null).configured());
    assertEquals("partition 'general-ko' must read 'name: queue queue …'",
        assertThrows(IllegalArgumentException.class, () -> Partitions.parse("general-ko")).getMessage());
    assertEquals("partition 'sign' is configured twice",
        assertThrows(IllegalArgumentException.class, () -> Partitions.parse("sign: a; sign: b")).getMessage());
  }

  @Test
  void aQueueInTwoPartitionsIsRefusedNamingItAndBoth() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Partitions.of(Map.of(
        "korean", queues("general-ko"), "foreign", queues("general-en", "general-ko"))));
    assertEquals("queue general-ko is in partitions 'foreign' and 'korean': partitions must be disjoint (one engine"
        + " routes each queue)", refused.getMessage());
  }

  @Test
  void theDefaultsNameAnAddressUnfitNameAndAnEmptyPartitionAreRefused() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Partitions.of(Map.of("routing", queues("a"))))
        .getMessage().startsWith("partition 'routing' is the partition of every queue"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Partitions.of(Map.of("Korean lines", queues("a"))))
        .getMessage().startsWith("partition name 'Korean lines' must be a lowercase word"));
    assertEquals("partition 'sign' names no queue",
        assertThrows(IllegalArgumentException.class, () -> Partitions.of(Map.of("sign", List.of()))).getMessage());
  }

  @Test
  void anOperatorWhoseQueuesSpanTwoPartitionsIsRefusedNamingTheQueuesOfEach() {
    Agent kim = operator("op-001", "general-ko", "messaging-ko");
    Agent lee = operator("op-002", "general-ko", "sign-video", "general-en");
    Agent park = operator("op-003", "general-en");
    city.checkOperators(List.of(kim, park));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> city.checkOperators(List.of(kim, lee, park)));
    assertEquals("operators serve queues of two routing partitions, which would split their capacity between two"
        + " engines: op-002 (korean: general-ko; routing: general-en; sign: sign-video); give each operator the"
        + " queues of one partition, or put those queues in one partition", refused.getMessage());
    assertEquals(Optional.of("korean"), city.ofOperator(kim.queues()));
    assertEquals(Optional.of("routing"), city.ofOperator(park.queues()));
    assertEquals(Optional.of("routing"), city.ofOperator(Set.of()));
    assertEquals(Optional.empty(), city.ofOperator(lee.queues()));
  }

  @Test
  void aNodesFairShareIsTheCeilingOfPartitionsOverLiveNodes() {
    assertEquals(1, Partitions.fairShare(1, 3));
    assertEquals(2, Partitions.fairShare(3, 2));
    assertEquals(1, Partitions.fairShare(3, 3));
    assertEquals(3, Partitions.fairShare(3, 1));
    assertEquals(3, Partitions.fairShare(3, 0), "no node seen yet: this one takes every partition");
  }

  @Test
  void aCommandGoesToThePartitionOfItsQueueItsOperatorOrItsContact() {
    Map<ContactId, QueueId> journal = Map.of(new ContactId("c-sign"), new QueueId("sign-video"),
        new ContactId("c-ko"), new QueueId("general-ko"));
    Map<AgentId, Set<QueueId>> directory = Map.of(new AgentId("op-001"), Set.of(new QueueId("messaging-ko")),
        new AgentId("op-009"), Set.of(new QueueId("general-ko"), new QueueId("sign-video")));
    Function<RoutingCommand, String> partition = command -> city.of(command,
        id -> Optional.ofNullable(journal.get(id)), id -> directory.getOrDefault(id, Set.of()));
    AgentId kim = new AgentId("op-001");
    ContactId signCall = new ContactId("c-sign");

    assertEquals("korean", partition.apply(new RoutingCommand.LogIn(operator("op-001", "messaging-ko"), Set.of(), null)));
    assertEquals("korean", partition.apply(new RoutingCommand.Accept(kim, new ContactId("c-ko"))));
    assertEquals("korean", partition.apply(new RoutingCommand.TakeBreak(kim, "lunch")));
    assertEquals("routing", partition.apply(new RoutingCommand.MakeAvailable(new AgentId("op-unknown"))));
    assertEquals("sign", partition.apply(new RoutingCommand.Close(signCall, RoutingCommand.Outcome.RESOLVED)));
    assertEquals("sign", partition.apply(new RoutingCommand.Transfer(signCall, new QueueId("general-ko"), null, null,
        true)), "the engine holding the contact hands it over");
    assertEquals("routing", partition.apply(new RoutingCommand.Hold(new ContactId("c-gone"))),
        "an unknown contact: the default engine answers not found");

    InvalidInputException split = assertThrows(InvalidInputException.class, () -> partition.apply(
        new RoutingCommand.LogIn(operator("op-001", "messaging-ko"), Set.of(new QueueId("sign-video")), null)));
    assertEquals("operator op-001 serves queues of the routing partitions [korean, sign]: log in to the queues of one",
        split.getMessage());
    assertThrows(InvalidInputException.class, () -> partition.apply(new RoutingCommand.MakeAvailable(new AgentId("op-009"))));
    assertThrows(IllegalArgumentException.class, () -> partition.apply(new RoutingCommand.Tick()));
  }

  @Test
  void aLoginToQueuesOfAnotherPartitionThanTheDirectoryEntrysIsRefusedNotSentToTheDefault() {
    Function<RoutingCommand, String> partition = command -> city.of(command, id -> Optional.empty(), id -> Set.of());

    InvalidInputException elsewhere = assertThrows(InvalidInputException.class, () -> partition.apply(
        new RoutingCommand.LogIn(operator("op-050"), Set.of(new QueueId("messaging-ko")), null)));
    assertEquals("operator op-050 logs in to queues of routing partition 'korean' but their directory entry serves"
        + " partition 'routing': add those queues to the operator's entry (PUT /api/v1/admin/agents/{id}) or log in"
        + " to queues of 'routing'", elsewhere.getMessage());
    assertEquals("korean", partition.apply(new RoutingCommand.LogIn(operator("op-001", "messaging-ko"),
        Set.of(new QueueId("general-ko")), null)), "another queue of the entry's partition");
    assertEquals("routing", partition.apply(new RoutingCommand.LogIn(operator("op-050"), Set.of(new QueueId("english")),
        null)), "no queue in the entry, a queue of the default partition");
  }

  @Test
  void anEditedOperatorEntryOfTwoPartitionsIsInvalidInputNamingThem() {
    city.checkOperator(operator("op-001", "messaging-ko", "general-ko"));
    InvalidInputException split = assertThrows(InvalidInputException.class,
        () -> city.checkOperator(operator("op-001", "messaging-ko", "sign-video")));
    assertTrue(split.getMessage().contains("op-001 (korean: messaging-ko; sign: sign-video)"), split.getMessage());
  }

  private static List<QueueId> queues(String... ids) {
    return Arrays.stream(ids).map(QueueId::new).toList();
  }

  private static Agent operator(String id, String... queues) {
    return new Agent(new AgentId(id), id, Set.of(), Set.of(Language.KOREAN), ChannelCapacity.DEFAULT,
        Arrays.stream(queues).map(QueueId::new).collect(Collectors.toSet()), AgentState.OFFLINE, null);
  }
}
