package org.onenumber.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;

class CityOperatorsTest {

  private final List<Agent> demo = SeedFiles.agents();
  private final List<Agent> city = CityOperators.expand(demo, CityOperators.CITY_OPERATORS);

  @Test
  void seedsFiveHundredOperatorsWithUniqueIdsAndTheDemoOperatorsFirst() {
    assertEquals(500, city.size());
    assertEquals(500, city.stream().map(Agent::id).distinct().count());
    assertEquals(demo, city.subList(0, demo.size()));
    assertEquals("op-500", city.get(499).id().value());
  }

  @Test
  void isDeterministic() {
    assertEquals(city, CityOperators.expand(SeedFiles.agents(), CityOperators.CITY_OPERATORS));
  }

  @Test
  void keepsTheDemoMixOfQueuesLanguagesAndSkillsTwelveAndAHalfTimesLarger() {
    for (int i = 0; i < city.size(); i++) {
      Agent template = demo.get(i % demo.size());
      Agent operator = city.get(i);
      assertEquals(template.queues(), operator.queues(), operator.id().value());
      assertEquals(template.languages(), operator.languages());
      assertEquals(template.skills(), operator.skills());
    }
    Map<QueueId, Long> demoPerQueue = perQueue(demo);
    perQueue(city).forEach((queue, n) -> assertTrue(n >= 12 * demoPerQueue.get(queue), queue + ": " + n));
  }

  @Test
  void everySeededQueueHasOperatorsWhoSpeakItsLanguages() {
    for (Queue queue : SeedFiles.queues()) {
      long serving = city.stream().filter(a -> a.queues().contains(queue.id()))
          .filter(a -> a.languages().stream().anyMatch(queue.languages()::contains)).count();
      assertTrue(serving >= 12, queue.id() + " is served by " + serving);
    }
  }

  @Test
  void refusesFewerOperatorsThanTheDemoOrMoreThanThreeDigitIds() {
    assertThrows(IllegalArgumentException.class, () -> CityOperators.expand(demo, 39));
    assertThrows(IllegalArgumentException.class, () -> CityOperators.expand(demo, 1000));
  }

  private static Map<QueueId, Long> perQueue(List<Agent> agents) {
    return agents.stream().flatMap(a -> a.queues().stream())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

}
