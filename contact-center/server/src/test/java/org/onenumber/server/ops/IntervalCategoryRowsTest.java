package org.onenumber.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.ops.sla.ServiceLevelPolicy;

/**
 * Issue 18's figures in the interval report: per category (top N, then {@code other}), the
 * center's figures of that category's contacts only, per interval and for the day.
 */
class IntervalCategoryRowsTest {

  private static final ServiceLevelPolicy POLICY = ServiceLevelPolicy.defaults(ZoneId.of("Asia/Seoul"));
  private static final Instant DAY = Instant.parse("2026-11-22T15:00:00Z"); // 00:00 in Seoul
  private static final Instant NOW = DAY.plusSeconds(6 * 3600);

  @Test
  void theTopCategoriesGetRowsOfTheirOwnAndTheRestIsOther() {
    List<Contact> contacts = List.of(
        handled("c1", "citizen-1", "roads.surface.pothole", 60),
        handled("c2", "citizen-2", "roads.surface.pothole", 3600),
        handled("c3", "citizen-3", "noise.construction.night", 120),
        handled("c4", "citizen-4", null, 180),
        handled("c5", "citizen-1", "roads.surface.pothole", 3700));
    List<Map<String, Object>> rows = categoryRows(contacts, 60, 1);

    Map<String, Object> pothole = total(rows, "roads.surface.pothole");
    assertEquals(3L, pothole.get("offered"));
    assertEquals(3L, pothole.get("handled"));
    assertEquals(2.0 / 3, (double) pothole.get("fcr"), 1e-6, "citizen-1 called again about the pothole");
    assertEquals(null, pothole.get("occupancy"), "occupancy is the agents', not a category's");
    Map<String, Object> other = total(rows, IntervalReport.OTHER);
    assertEquals(2L, other.get("offered"), "noise and the contact without a category");
    assertEquals(1.0, (double) other.get("fcr"), 1e-6);
    long potholeIntervals = rows.stream()
        .filter(r -> "roads.surface.pothole".equals(r.get("id")) && !"total".equals(r.get("interval"))).count();
    assertEquals(2, potholeIntervals, "00:00 and 01:00");
    assertEquals(List.of("roads.surface.pothole", IntervalReport.OTHER),
        rows.stream().map(r -> (String) r.get("id")).distinct().toList());

    String csv = IntervalReport.csv(rows);
    assertTrue(csv.startsWith("interval,scope,id,offered,"), csv);
    assertTrue(csv.contains("\ntotal,category,roads.surface.pothole,3,"), csv);
    assertTrue(csv.contains("\ntotal,category,other,2,"), csv);
  }

  @Test
  void noCategoriesAskedMeansEveryContactIsOther() {
    List<Map<String, Object>> rows = categoryRows(List.of(handled("c1", "citizen-1", "x.y.z", 60)), 15, 0);
    assertEquals(List.of(IntervalReport.OTHER), rows.stream().map(r -> (String) r.get("id")).distinct().toList());
    assertEquals(1L, total(rows, IntervalReport.OTHER).get("offered"));
  }

  @Test
  void aRepeatTheDayAfterSpoilsTheFirstContactAsInTheCenterRows() {
    Instant now = DAY.plusSeconds(2 * 86_400);
    List<Contact> contacts = List.of(handled("c1", "citizen-1", "roads.surface.pothole", 60),
        handled("c2", "citizen-1", "roads.surface.pothole", 86_400 + 60),
        handled("c3", "citizen-2", "noise.construction.night", 86_400 + 120));
    DayFigures day = DayFigures.read(new ListJournal(contacts), POLICY, DAY, DAY.plusSeconds(86_400), now, 10);
    Map<String, Object> pothole = total(IntervalReport.categoryRows(day.categories, DAY, DAY.plusSeconds(86_400), 60,
        now), "roads.surface.pothole");
    assertEquals(1L, pothole.get("offered"), "only the day's contact");
    assertEquals(0.0, (double) pothole.get("fcr"), 1e-6, "citizen-1 called again the next morning");
    assertEquals(List.of("roads.surface.pothole"), List.copyOf(day.categories.keySet()), "the next day's noise is not the day's");
    Map<String, Object> center = IntervalReport.rows(day.center, DAY, DAY.plusSeconds(86_400), 60, now).stream()
        .filter(r -> "total".equals(r.get("interval")) && "center".equals(r.get("scope"))).findFirst().orElseThrow();
    assertEquals(pothole.get("fcr"), center.get("fcr"));
  }

  private static List<Map<String, Object>> categoryRows(List<Contact> contacts, int minutes, int top) {
    DayFigures day = DayFigures.read(new ListJournal(contacts), POLICY, DAY, DAY.plusSeconds(86_400), NOW, top);
    return IntervalReport.categoryRows(day.categories, DAY, DAY.plusSeconds(86_400), minutes, NOW);
  }

  private static Map<String, Object> total(List<Map<String, Object>> rows, String id) {
    return rows.stream().filter(r -> id.equals(r.get("id")) && "total".equals(r.get("interval"))).findFirst()
        .orElseThrow(() -> new AssertionError("no total row for " + id + ": " + rows));
  }

  /** Queued at +{@code second}, answered 5 s later, closed resolved a minute later. */
  private static Contact handled(String id, String citizen, String category, int second) {
    Instant t = DAY.plusSeconds(second);
    QueueId queue = new QueueId("general");
    AgentId agent = new AgentId("op-001");
    Contact c = Contact.create(new ContactId(id), Channel.VOICE, new CitizenId(citizen), Language.KOREAN, Set.of(), 0,
        category, t);
    c = c.moveTo(new ContactStep(ContactState.QUEUED, t, null, queue, "intake"));
    c = c.moveTo(new ContactStep(ContactState.OFFERED, t.plusSeconds(2), agent, queue, null));
    c = c.moveTo(new ContactStep(ContactState.CONNECTED, t.plusSeconds(5), null, null, null));
    c = c.moveTo(new ContactStep(ContactState.WRAP_UP, t.plusSeconds(50), null, null, null));
    return c.moveTo(new ContactStep(ContactState.CLOSED, t.plusSeconds(65), null, null, "resolved"));
  }
}
