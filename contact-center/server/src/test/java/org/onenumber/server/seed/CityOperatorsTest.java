package org.onenumber.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.ops.staffing.CityStaffGroup;

class CityOperatorsTest {

  private final List<Agent> demo = SeedFiles.agents();
  private final List<Agent> city = CityOperators.expand(demo, CityOperators.CITY_OPERATORS);

  @Test
  void seedsTheDefaultNumberOfOperatorsWithUniqueIdsAndTheDemoOperatorsFirst() {
    assertEquals(CityStaffGroup.DEFAULT_OPERATORS, city.size());
    assertEquals(city.size(), city.stream().map(Agent::id).distinct().count());
    assertEquals(demo, city.subList(0, demo.size()));
    assertEquals(String.format("op-%03d", city.size()), city.get(city.size() - 1).id().value());
  }

  @Test
  void isDeterministic() {
    assertEquals(city, CityOperators.expand(SeedFiles.agents(), CityOperators.CITY_OPERATORS));
  }

  @Test
  void seedsAsManyOperatorsAsConfiguredALargerCityStartingWithTheSameOnes() {
    List<Agent> nine = CityOperators.expand(demo, 900);
    assertEquals(900, nine.size());
    assertEquals(city, nine.subList(0, city.size()));
  }

  @Test
  void everyOperatorCopiesTheTemplateTheStaffLayoutNamesSoTheSimulatorsRosterKnowsWhomItLogsIn() {
    List<CityStaffGroup.Seat> seats = CityStaffGroup.layout(city.size());
    for (int i = 0; i < city.size(); i++) {
      Agent template = demo.get(seats.get(i).template() - 1);
      Agent operator = city.get(i);
      assertEquals(template.queues(), operator.queues(), operator.id().value());
      assertEquals(template.languages(), operator.languages());
      assertEquals(template.skills(), operator.skills());
      assertEquals(template.capacity(), operator.capacity());
    }
  }

  /**
   * A group's operators serve its queue and no other queue a city day sends contacts to (the
   * specialist queues, tax or transport, get none), speak its language, and a messaging operator
   * holds the slots the roster plans with: otherwise the roster's operators would answer another
   * group's contacts, or fewer at once than planned.
   */
  @Test
  void eachGroupsTemplatesServeOnlyTheGroupsQueueOfTheQueuesACityDayFills() {
    Set<QueueId> dayQueues = Arrays.stream(CityStaffGroup.values()).map(g -> new QueueId(g.queue()))
        .collect(Collectors.toSet());
    Map<QueueId, Queue> queues = SeedFiles.queues().stream().collect(Collectors.toMap(Queue::id, q -> q));
    for (CityStaffGroup group : CityStaffGroup.values()) {
      QueueId queue = new QueueId(group.queue());
      assertTrue(queues.containsKey(queue), group.queue());
      for (int number : group.templates()) {
        Agent template = demo.get(number - 1);
        Set<QueueId> served = template.queues().stream().filter(dayQueues::contains).collect(Collectors.toSet());
        assertEquals(Set.of(queue), served, group + " template op-" + number);
        assertTrue(template.languages().stream().anyMatch(queues.get(queue).languages()::contains));
        if (group.slots() > 1) {
          assertEquals(group.slots(), template.capacity().maxMessaging(), group + " template op-" + number);
        }
      }
    }
  }

  @Test
  void everySeededQueueHasOperatorsWhoSpeakItsLanguagesTheCityDaysQueuesMany() {
    for (Queue queue : SeedFiles.queues()) {
      long serving = city.stream().filter(a -> a.queues().contains(queue.id()))
          .filter(a -> a.languages().stream().anyMatch(queue.languages()::contains)).count();
      boolean dayQueue = Arrays.stream(CityStaffGroup.values()).anyMatch(g -> g.queue().equals(queue.id().value()));
      assertTrue(serving >= (dayQueue ? 15 : 1), queue.id() + " is served by " + serving);
    }
  }

  /** New York's record day needs ~5,450 ids for its 1,754 shifts (see {@link CityStaffGroup#MAX_OPERATORS}). */
  @Test
  void seedsNewYorksStaffWithFourDigitIdsFromTheThousandth() {
    List<Agent> nyc = CityOperators.expand(demo, 5_500);
    assertEquals(5_500, nyc.size());
    assertEquals(5_500, nyc.stream().map(Agent::id).distinct().count());
    assertEquals("op-999", nyc.get(998).id().value());
    assertEquals("op-1000", nyc.get(999).id().value());
    assertEquals("op-5500", nyc.get(5_499).id().value());
    assertEquals(city, nyc.subList(0, city.size()));
  }

  @Test
  void refusesFewerOperatorsThanTheDemoOrMoreThanFourDigitIds() {
    assertThrows(IllegalArgumentException.class, () -> CityOperators.expand(demo, 39));
    assertThrows(IllegalArgumentException.class, () -> CityOperators.expand(demo, 10_000));
  }
}
