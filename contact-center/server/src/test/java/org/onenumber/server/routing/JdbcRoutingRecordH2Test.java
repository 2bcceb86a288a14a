package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.Decisions;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.cluster.SingleNodeOwnership;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * Routing's commit stores the agent sessions it touched in a fixed number of statements, however
 * many agents (issue 17: at a city's shift change one to three statements per agent were sent one
 * after the other on routing's one connection, while arrivals waited for it; 200 agents took 400
 * statements here before, now at most 4), and still writes only the sessions that changed.
 */
class JdbcRoutingRecordH2Test {

  private static final int AGENTS = 200;
  private static final QueueId GENERAL = new QueueId("general-ko");
  private final Jdbc jdbc = new Jdbc(TestDatabases.h2());
  private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-12-03T10:00:00Z"));
  private final JsonMapper json = JsonMapper.createDefault();
  private final JdbcRoutingRecord record = new JdbcRoutingRecord(jdbc, new JdbcContactJournal(jdbc, json),
      new JdbcDirectory(jdbc), new RoutingStore(jdbc, json, clock), clock,
      Duration.ofDays(30), new SingleNodeOwnership());

  @Test
  void agentSessionsAreWrittenInAFixedNumberOfStatementsAndOnlyWhenChanged() {
    List<AgentStatus> available = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      String id = "op-%03d".formatted(i);
      jdbc.update("insert into agent (id, name, skills, languages, max_messaging, queues, state) values"
          + " (?, ?, '', 'ko', 3, 'general-ko', 'OFFLINE')", id, "Operator " + i);
      available.add(status(id, AgentState.AVAILABLE, null));
    }

    long created = statements(available, Set.of());
    assertTrue(created <= 4, "new sessions of " + AGENTS + " agents in " + created + " statements");
    assertEquals(AGENTS, count("select count(*) from agent_session where state = 'AVAILABLE'"));

    List<AgentStatus> someOnBreak = new ArrayList<>(available);
    for (int i = 0; i < 10; i++) {
      someOnBreak.set(i, status(available.get(i).agent().value(), AgentState.BREAK, "lunch"));
    }
    jdbc.update("update agent_session set updated_at = ?", Instant.parse("2026-12-03T09:00:00Z"));
    long changed = statements(someOnBreak, Set.of(new AgentId("op-199")));
    assertTrue(changed <= 4, "10 of " + AGENTS + " changed, 1 out, in " + changed + " statements");
    assertEquals(10, count("select count(*) from agent_session where state = 'BREAK' and break_reason = 'lunch'"));
    assertEquals(10, count("select count(*) from agent_session where updated_at > timestamp '2026-12-03 09:30:00'"),
        "unchanged sessions are not rewritten");
    assertEquals(0, count("select count(*) from agent_session where agent_id = 'op-199'"));
  }

  /**
   * A turn of the routing context at a peak: 40 queued contacts offered (a snapshot and an event
   * each), 40 operators' state changes (events of no contact) and their sessions, 5 of them new.
   * Before session 17: one count of stored steps, the updates, the steps, the contacts' events, the
   * other events apart, the sessions' updates, a read of which sessions exist, their inserts and
   * the commit — 9 statements, one after the other on routing's one connection; now 6 (the events
   * in one batch, the sessions in one merge), with the same rows.
   */
  @Test
  void aPeakBatchOfOffersAndStateChangesIsWrittenInSixStatements() {
    jdbc.update("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
        + " values ('c-peak', 'caller', 'ko', true, false, false)");
    JdbcContactJournal journal = new JdbcContactJournal(jdbc, json);
    List<Contact> queued = new ArrayList<>();
    List<AgentStatus> agents = new ArrayList<>();
    List<DomainEvent> events = new ArrayList<>();
    List<Contact> offered = new ArrayList<>();
    Instant at = clock.instant();
    for (int i = 0; i < 40; i++) {
      String id = "op-%03d".formatted(i);
      jdbc.update("insert into agent (id, name, skills, languages, max_messaging, queues, state) values"
          + " (?, ?, '', 'ko', 3, 'general-ko', 'OFFLINE')", id, "Operator " + i);
      agents.add(status(id, AgentState.AVAILABLE, null));
      Contact contact = Contact.create(new ContactId("peak-" + i), Channel.VOICE, new CitizenId("c-peak"),
          Language.KOREAN, Set.of(), 0, "topic", at).moveTo(new ContactStep(ContactState.QUEUED, at, null, GENERAL, "intake"));
      queued.add(contact);
      Contact offer = contact.moveTo(new ContactStep(ContactState.OFFERED, at, new AgentId(id), GENERAL, null));
      offered.add(offer);
      events.add(new ContactStateChanged(offer.id(), Channel.VOICE, Language.KOREAN, ContactState.QUEUED,
          ContactState.OFFERED, GENERAL, new AgentId(id), null, at));
      events.add(new AgentStateChanged(new AgentId(id), AgentState.AVAILABLE, AgentState.RESERVED, null, at));
    }
    journal.appendAll(queued, id -> List.of());
    record.write(new Decisions(List.of(), List.of(), null), agents.subList(5, 40), Set.of());
    List<AgentStatus> reserved = agents.stream().map(a -> status(a.agent().value(), AgentState.RESERVED, null)).toList();
    int eventsBefore = count("select count(*) from domain_event");

    long before = jdbc.statements();
    record.write(new Decisions(events, offered, null), reserved, Set.of());
    long sent = jdbc.statements() - before;

    assertTrue(sent <= 6, "40 offers, 40 state changes and their sessions in " + sent + " statements");
    assertEquals(80, count("select count(*) from domain_event") - eventsBefore);
    assertEquals(40, count("select count(*) from contact where state = 'OFFERED'"));
    assertEquals(offered.stream().mapToInt(c -> c.steps().size()).sum(),
        count("select count(*) from contact_step where contact_id like 'peak-%'"));
    assertEquals(40, count("select count(*) from agent_session where state = 'RESERVED'"));
  }

  private long statements(List<AgentStatus> agents, Set<AgentId> loggedOut) {
    long before = jdbc.statements();
    List<AgentStatus> in = agents.stream().filter(a -> !loggedOut.contains(a.agent())).toList();
    record.write(new Decisions(List.of(), List.of(), null), in, loggedOut);
    return jdbc.statements() - before;
  }

  private int count(String sql) {
    return jdbc.queryOne(sql, row -> row.getInt(1)).orElseThrow();
  }

  private AgentStatus status(String agent, AgentState state, String breakReason) {
    return new AgentStatus(new AgentId(agent), state, breakReason, Set.of(new QueueId("general-ko")), 0, 0, 3,
        clock.instant(), 0, null, null, List.of(), false, Map.of());
  }
}
