package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseEntryKind;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.performance.CaseFacts;
import org.onenumber.core.performance.DepartmentFigures;
import org.onenumber.core.performance.DepartmentPerformance;
import org.onenumber.core.performance.FiguresFold;
import org.onenumber.core.performance.LiveDepartmentPerformance;
import org.onenumber.server.TestDatabases;
import org.onenumber.testkit.TestData;

/**
 * The start-up path of the department figures on a real database: {@link JdbcCaseRegistry#forEachCase}
 * visits every stored case once, in id order, a page at a time, and the live figures warmed from it
 * (packed facts) and the streamed batch both equal {@link DepartmentPerformance#of} over every case
 * in memory. A seeded history of 2,345 cases (more than two pages) across two departments with
 * accepts, notes, public and silent resolutions, reopenings, ratings and closings; seed printed on
 * failure.
 */
class CaseFiguresStreamingH2Test {

  private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
  private static final int CASES = 2_345;
  private static final int PAGE = 1_000;

  @Test
  void streamedLiveAndBatchFiguresEqualTheFiguresOfEveryCaseInMemory() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Jdbc jdbc = new Jdbc(TestDatabases.h2());
    world(jdbc);
    JdbcCaseRegistry registry = new JdbcCaseRegistry(jdbc);
    SplittableRandom random = new SplittableRandom(seed);
    List<Case> stored = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      Case c = history(random, i);
      registry.create(c);
      stored.add(c);
    }
    Instant now = T0.plus(Duration.ofDays(5));

    List<String> visited = new ArrayList<>();
    LiveDepartmentPerformance live = new LiveDepartmentPerformance(registry);
    FiguresFold batch = new FiguresFold(now);
    registry.forEachCase(PAGE, c -> {
      visited.add(c.id().value());
      live.load(c);
      batch.add(CaseFacts.of(c));
    });

    String why = "seed " + seed;
    assertEquals(CASES, visited.size(), why);
    assertEquals(visited.stream().sorted().toList(), visited, "id order, each once: " + why);
    assertEquals(CASES, live.size(), why);
    List<DepartmentFigures> expected = DepartmentPerformance.of(stored, now);
    assertTrue(expected.size() >= 4, "two departments with their categories: " + expected);
    assertTrue(expected.stream().anyMatch(f -> f.reopenRate() != null && f.reopenRate() > 0), why);
    assertTrue(expected.stream().anyMatch(f -> f.rated() > 0 && f.overdue() > 0), why);
    assertEquals(expected, live.figures(now), "live warmed by streaming: " + why);
    assertEquals(expected, batch.figures(), "batch by streaming: " + why);
  }

  private static Case history(SplittableRandom random, int i) {
    boolean water = random.nextBoolean();
    Instant at = T0.plusSeconds(i * 60L);
    Case c = new Case(new CaseId(String.format("C-%05d", random.nextInt(100_000)) + "-" + i),
        new DepartmentId(water ? "water" : "roads"), water ? "수도 누수" : "포트홀", CasePriority.NORMAL, "case " + i,
        new CitizenId("citizen-kim"), List.of(new ContactId("c-1")), at.plus(Duration.ofDays(1 + random.nextInt(5))),
        List.of(new CaseStatusChange(CaseStatus.OPEN, at, "op-001", null)));
    int steps = random.nextInt(7);
    for (int s = 0; s < steps; s++) {
      at = at.plusSeconds(60 + random.nextInt(86_400));
      String staff = "staff-" + c.department().value();
      c = switch (random.nextInt(5)) {
        case 0 -> c.append(new CaseStatusChange(c.status(), at, staff, "note", null, CaseEntryKind.NOTE, null));
        case 1 -> c.append(new CaseStatusChange(c.status(), at, "citizen", null, null, CaseEntryKind.RATED,
            Integer.toString(1 + random.nextInt(5))));
        default -> {
          List<CaseStatus> next = List.copyOf(c.status().successors());
          if (next.isEmpty()) {
            yield c;
          }
          CaseStatus to = next.get(random.nextInt(next.size()));
          String publicNote = to == CaseStatus.RESOLVED && random.nextBoolean() ? "answer" : null;
          yield c.moveTo(new CaseStatusChange(to, at, staff, null, publicNote, CaseEntryKind.STATUS, null));
        }
      };
    }
    return c;
  }

  private static void world(Jdbc jdbc) {
    JdbcDirectory directory = new JdbcDirectory(jdbc);
    directory.save(TestData.department("water"), List.of("수도 누수"));
    directory.save(TestData.department("roads"), List.of("포트홀"));
    CitizenId kim = new CitizenId("citizen-kim");
    new JdbcCitizenRegistry(jdbc).save(new Citizen(kim, null, Set.of(new CitizenIdentity.Phone("+821055556666")),
        Language.KOREAN, Consent.DEFAULT));
    new JdbcContactJournal(jdbc, JsonMapper.createDefault()).append(Contact.create(new ContactId("c-1"), Channel.VOICE,
        kim, Language.KOREAN, Set.of(), 0, null, T0), List.of());
  }
}
