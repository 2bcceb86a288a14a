package org.onenumber.ops.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.event.SurveyAnswered;

/**
 * Replays random event streams into the live fold, recomputes the same history in batch from the
 * stored contacts, and compares every figure of every scope and window. Seeded: the seed is in
 * every failure message; replay with {@code -Dtests.seed=...}, widen with
 * {@code -Dtests.iterations=...}.
 */
class ServiceLevelsSimulationTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  @Test
  void liveFiguresEqualBatchRecomputationFigureByFigure() {
    long base = Long.getLong("tests.seed", System.nanoTime());
    int iterations = Integer.getInteger("tests.iterations", 20);
    for (int i = 0; i < iterations; i++) {
      long seed = base + i;
      try {
        runOnce(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("failed with -Dtests.seed=" + seed + " -Dtests.iterations=1: " + e.getMessage(), e);
      }
    }
  }

  private void runOnce(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    RandomContactStreams streams = new RandomContactStreams(random, 150 + random.nextInt(250), 6);
    Instant asOf = RandomContactStreams.START.plusMillis(random.nextLong(4 * 3_600_000L));
    ServiceLevelPolicy policy = new ServiceLevelPolicy(Duration.ofSeconds(15),
        Map.of(new QueueId("q-1"), Duration.ofSeconds(30)), ServiceLevelVariant.OF_OFFERED,
        Duration.ofSeconds(5), Duration.ofMinutes(random.nextInt(1, 120)), SEOUL);

    LiveServiceLevels live = new LiveServiceLevels(policy);
    for (DomainEvent e : streams.events) {
      if (!e.at().isAfter(asOf)) {
        live.accept(e);
      }
    }
    List<AgentStateChanged> agents = streams.agentChanges;
    List<SurveyAnswered> surveys = streams.surveys;
    BatchServiceLevels batch = BatchServiceLevels.compute(streams.contactsAsOf(asOf), agents, surveys,
        streams.escalatedBy(asOf), policy, asOf);

    compare(live, batch, asOf);
    compareSlotted(batch, streamed(streams, policy, asOf, random), asOf);
    LiveServiceLevels warmed = new LiveServiceLevels(policy);
    List<org.onenumber.core.contact.Contact> stored = streams.contacts.stream()
        .map(c -> streams.asOf(c, asOf)).filter(java.util.Objects::nonNull).toList();
    ContactReplay.events(stored, agents.stream().filter(e -> !e.at().isAfter(asOf)).toList(),
        surveys.stream().filter(e -> !e.at().isAfter(asOf)).toList()).forEach(warmed);
    streams.escalatedBy(asOf).forEach(id -> warmed.accept(new org.onenumber.core.event.CaseOpened(
        new org.onenumber.core.casework.CaseId("case-" + id), new org.onenumber.core.directory.DepartmentId("roads"),
        "x", id, asOf, asOf)));
    compare(warmed, batch, asOf);
  }

  private void compare(LiveServiceLevels live, BatchServiceLevels batch, Instant asOf) {
    ServiceLevelPolicy policy = live.policy();
    Set<Scope> scopes = new HashSet<>(live.scopes());
    scopes.addAll(batch.scopes());
    assertEquals(batch.scopes(), live.scopes(), "scopes");
    for (Scope scope : scopes) {
      for (Window window : windows(asOf)) {
        Tally l = live.tally(scope, window, asOf);
        Tally b = batch.tally(scope, window, asOf);
        assertEquals(b, l, scope + " " + window + " tally");
        for (ServiceLevelVariant v : ServiceLevelVariant.values()) {
          assertEquals(Figures.of(b, policy.withVariant(v)), Figures.of(l, policy.withVariant(v)),
              scope + " " + window + " " + v);
        }
      }
      assertEquals(batch.status(scope, asOf), live.status(scope, asOf), scope + " status");
    }
  }

  /** The same history fed one contact at a time in a random order, kept in fifteen-minute slots (a day's report). */
  private static BatchServiceLevels streamed(RandomContactStreams streams, ServiceLevelPolicy policy, Instant asOf,
      SplittableRandom random) {
    List<org.onenumber.core.contact.Contact> contacts = new java.util.ArrayList<>(streams.contactsAsOf(asOf));
    java.util.Collections.shuffle(contacts, new java.util.Random(random.nextLong()));
    BatchServiceLevels.Builder builder = BatchServiceLevels.builder(policy, 15, asOf,
        new Repeats(policy.repeatWindow(), asOf).addAll(contacts), streams.escalatedBy(asOf), streams.surveys);
    contacts.forEach(builder::add);
    streams.agentChanges.stream().sorted(java.util.Comparator.comparing(AgentStateChanged::at))
        .forEach(builder::agentChanged);
    return builder.build();
  }

  private static void compareSlotted(BatchServiceLevels minutes, BatchServiceLevels slots, Instant asOf) {
    assertEquals(minutes.scopes(), slots.scopes(), "scopes");
    for (Scope scope : minutes.scopes()) {
      for (Window window : windows(asOf)) {
        if (window instanceof Window.Fixed) {
          assertEquals(minutes.tally(scope, window, asOf), slots.tally(scope, window, asOf), scope + " " + window);
        }
      }
      assertEquals(minutes.status(scope, asOf), slots.status(scope, asOf), scope + " status");
    }
  }

  private static List<Window> windows(Instant asOf) {
    List<Window> windows = new java.util.ArrayList<>(List.of(new Window.Today(),
        new Window.Rolling(Duration.ofMinutes(15)), new Window.Rolling(Duration.ofMinutes(30)),
        new Window.Rolling(Duration.ofMinutes(60))));
    for (int length : new int[] {15, 30, 60}) {
      for (Instant t = RandomContactStreams.START; t.isBefore(asOf); t = t.plus(Duration.ofMinutes(length))) {
        windows.add(new Window.Fixed(t, Duration.ofMinutes(length)));
      }
    }
    return windows;
  }
}
