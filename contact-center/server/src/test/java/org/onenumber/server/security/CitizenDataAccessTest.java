package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.testkit.FakeCaseRegistry;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.TestData;

/** The access rules of {@link CitizenDataAccess}, one test per numbered rule, with the audit each leaves. */
class CitizenDataAccessTest {

  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private final List<AuditEntry> audited = new ArrayList<>();
  private final FakeCaseRegistry cases = new FakeCaseRegistry();
  private final CitizenDataAccess access = new CitizenDataAccess(new ListAuditLog(audited), cases,
      request -> "127.0.0.9", new ManualClock(T0));
  private final HttpRequest<?> request = HttpRequest.GET("/api/v1/contacts/c1");

  private static Authentication operator(String agent) {
    return Authentication.build(agent, List.of("OPERATOR"), Map.of("agent", agent));
  }

  private static Contact connected(String id, String agent) {
    return TestData.contact(id, Channel.CHAT, Language.KOREAN, T0).moveTo(ContactState.QUEUED, T0)
        .moveTo(new ContactStep(ContactState.OFFERED, T0, new AgentId(agent), null, null))
        .moveTo(ContactState.CONNECTED, T0);
  }

  @Test
  void rule1SupervisorsSeeEverythingAndEachViewIsAudited() {
    access.viewContact(Authentication.build("sv-01", List.of("SUPERVISOR"), Map.of()), request,
        connected("c1", "op-001"), "contact");
    assertEquals(1, audited.size());
    assertEquals("supervision", audited.get(0).reason());
    assertEquals("citizen-c1", audited.get(0).citizen());
    assertEquals("127.0.0.9", audited.get(0).source());
  }

  @Test
  void rule2OperatorsSeeOnlyWhatTheyHoldAndRepeatedViewsAreAuditedOnce() {
    Contact held = connected("c1", "op-001");
    access.viewContact(operator("op-001"), request, held, "messages");
    access.viewContact(operator("op-001"), request, held, "messages");
    assertEquals(1, audited.size());
    assertEquals("holds contact", audited.get(0).reason());
    HttpStatusException refused = assertThrows(HttpStatusException.class,
        () -> access.viewContact(operator("op-002"), request, held, "contact"));
    assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
    Contact closed = held.moveTo(ContactState.WRAP_UP, T0).moveTo(ContactState.CLOSED, T0);
    assertThrows(HttpStatusException.class, () -> access.viewContact(operator("op-001"), request, closed, "contact"));
    assertEquals(1, audited.size(), "a refused view leaves no 'seen' entry");
  }

  @Test
  void rule3OperatorsSearchByPhoneOnlyWithAReasonThatIsAudited() {
    assertThrows(InvalidInputException.class, () -> access.search(operator("op-001"), request, "citizen-9", null));
    assertThrows(InvalidInputException.class, () -> access.search(operator("op-001"), request, "citizen-9", "hi"));
    access.search(operator("op-001"), request, "citizen-9", "caller asked about case C-1");
    assertEquals("caller asked about case C-1", audited.get(0).reason());
    assertThrows(HttpStatusException.class, () -> access.search(
        Authentication.build("staff-water", List.of("DEPARTMENT_STAFF"), Map.of("department", "water")), request,
        "citizen-9", "looking around"));
  }

  @Test
  void rule4StaffSeeTheirDepartmentsCasesAndTheContactsBehindThem() {
    Contact contact = connected("c1", "op-001");
    cases.save(new Case(new CaseId("C-1"), new DepartmentId("water"), "누수", CasePriority.NORMAL, "누수",
        contact.citizen(), List.of(contact.id()), T0.plusSeconds(86_400),
        List.of(new CaseStatusChange(CaseStatus.OPEN, T0, "op-001", null))));
    Authentication water = Authentication.build("staff-water", List.of("DEPARTMENT_STAFF"), Map.of("department", "water"));
    Authentication roads = Authentication.build("staff-roads", List.of("DEPARTMENT_STAFF"), Map.of("department", "roads"));
    access.viewContact(water, request, contact, "contact");
    access.viewCase(water, request, cases.find(new CaseId("C-1")).orElseThrow());
    access.viewDepartmentCases(water, request, "water");
    assertThrows(HttpStatusException.class, () -> access.viewContact(roads, request, contact, "contact"));
    assertThrows(HttpStatusException.class, () -> access.viewCase(roads, request, cases.find(new CaseId("C-1")).orElseThrow()));
    assertThrows(HttpStatusException.class, () -> access.viewDepartmentCases(roads, request, "water"));
    assertEquals(List.of("department case", "department case", "own department"),
        audited.stream().map(AuditEntry::reason).toList());
  }

  @Test
  void rule5OnlyTheHolderOrASupervisorActsOnAContact() {
    Contact held = connected("c1", "op-001");
    access.act(operator("op-001"), held);
    access.act(Authentication.build("sv-01", List.of("SUPERVISOR"), Map.of()), held);
    assertThrows(HttpStatusException.class, () -> access.act(operator("op-002"), held));
    assertThrows(HttpStatusException.class, () -> access.act(
        Authentication.build("staff-water", List.of("DEPARTMENT_STAFF"), Map.of("department", "water")), held));
  }

  /** An audit log in a list. */
  record ListAuditLog(List<AuditEntry> entries) implements AuditLog {
    @Override
    public void append(AuditEntry entry) {
      entries.add(entry);
    }

    @Override
    public List<AuditEntry> find(String citizen, String actor, Instant from, Instant to, int limit) {
      return List.copyOf(entries);
    }

    @Override
    public Verification verify() {
      return new Verification(entries.size(), -1);
    }
  }
}
