package org.onenumber.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.casework.Case;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.core.port.out.CaseRegistry;

/**
 * Who may see and act on a citizen's data, decided in one place, and the audit of every view. The
 * rules:
 *
 * <ol>
 *   <li>Supervisors and administrators see everything; each view is audited.
 *   <li>An operator sees a contact, its messages and its citizen while they hold one of that
 *       citizen's contacts (offered, connected, on hold or in wrap-up); audited with the reason
 *       {@code holds contact}.
 *   <li>An operator may search by phone number only with a reason they give; the reason is audited.
 *   <li>Department staff see their department's cases and the contacts and citizens behind them.
 *   <li>Acting on a contact (reply, escalate, close, transfer) needs its holder or a supervisor or
 *       administrator.
 *   <li>Acting on a case (accept, note, ask, reassign, resolve, merge) needs staff of the department
 *       that owns it now, or a supervisor or administrator; audited as {@code act} on the case.
 *   <li>An integration's API key with the {@code cases:read} scope sees cases (all, or only its
 *       department's when the key names one); audited with the reason {@code integration}.
 *   <li>Anyone else gets 403, and nothing is audited as seen.
 * </ol>
 *
 * The same person viewing the same record again within five minutes (a console refreshing an open
 * conversation) is audited once. Thread-safe.
 */
@Singleton
public final class CitizenDataAccess {

  private static final Set<ContactState> HELD =
      EnumSet.of(ContactState.OFFERED, ContactState.CONNECTED, ContactState.HELD, ContactState.WRAP_UP);
  private static final int MIN_REASON = 5;
  private static final String CASES_READ = "cases:read";
  private static final String INTEGRATION = "integration";

  private final AuditLog audit;
  private final CaseRegistry cases;
  private final HttpClientAddressResolver addresses;
  private final InstantSource clock;
  private final Cache<String, Boolean> recent =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(5)).build();

  CitizenDataAccess(AuditLog audit, CaseRegistry cases, HttpClientAddressResolver addresses, InstantSource clock) {
    this.audit = audit;
    this.cases = cases;
    this.addresses = addresses;
    this.clock = clock;
  }

  /** Rules 1, 2, 4: {@code who} views {@code what} ("contact", "messages") of {@code contact}. */
  public void viewContact(Authentication who, HttpRequest<?> request, Contact contact, String what) {
    String reason = reasonToSee(who, contact.citizen() == null ? null : contact.citizen().value(), Set.of(contact));
    record(who, request, "view", what, contact.id().value(), citizenOf(contact), reason);
  }

  /** Rules 1, 2, 4 for the citizen panel: {@code contacts} are the citizen's contacts. */
  public void viewCitizen(Authentication who, HttpRequest<?> request, String citizen, Collection<Contact> contacts) {
    record(who, request, "view", "citizen", citizen, citizen, reasonToSee(who, citizen, contacts));
  }

  /**
   * Rule 5 for a citizen: linking an identity an operator has verified (supervisors, or the
   * operator holding one of {@code contacts}); the link and how it was verified are audited.
   */
  public void linkIdentity(Authentication who, HttpRequest<?> request, String citizen, Collection<Contact> contacts,
      String detail) {
    if (!supervises(who) && !(is(who, Role.OPERATOR) && contacts.stream().anyMatch(c -> holds(who, c)))) {
      throw forbidden();
    }
    audit.append(entry(who, request, "link", "citizen-identity", citizen, citizen, detail));
  }

  /** Rule 3: a search by phone number; operators must say why. */
  public void search(Authentication who, HttpRequest<?> request, String citizen, String reason) {
    if (is(who, Role.DEPARTMENT_STAFF)) {
      throw forbidden();
    }
    if (is(who, Role.OPERATOR) && (reason == null || reason.strip().length() < MIN_REASON)) {
      throw new org.onenumber.core.error.InvalidInputException(
          "reason is required to search a citizen by phone (at least " + MIN_REASON + " characters)");
    }
    String why = reason == null || reason.isBlank() ? "supervision" : reason.strip();
    audit.append(entry(who, request, "search", "citizen", citizen == null ? "none" : citizen, citizen, why));
  }

  /** Rules 1, 4 and 7 for a case. */
  public void viewCase(Authentication who, HttpRequest<?> request, Case c) {
    record(who, request, "view", "case", c.id().value(), c.citizen() == null ? null : c.citizen().value(),
        caseReason(who, c));
  }

  /** Rules 1 and 4 for one attachment of case {@code c} (a citizen's photo): every read audited. */
  public void viewCaseAttachment(Authentication who, HttpRequest<?> request, Case c, String attachment) {
    audit.append(entry(who, request, "view", "case-attachment", attachment,
        c.citizen() == null ? null : c.citizen().value(), caseReason(who, c)));
  }

  /** Rule 6: {@code who} acts on case {@code c} (and sees it in the answer). */
  public void actOnCase(Authentication who, HttpRequest<?> request, Case c) {
    if (who.getRoles().contains(CASES_READ)) {
      throw forbidden();
    }
    audit.append(entry(who, request, "act", "case", c.id().value(), c.citizen().value(), caseReason(who, c)));
  }

  /** Rule 6, after {@link #actOnCase}: {@code who} added attachment {@code attachment} to case {@code c}. */
  public void attachToCase(Authentication who, HttpRequest<?> request, Case c, String attachment) {
    audit.append(entry(who, request, "attach", "case-attachment", attachment, c.citizen().value(),
        caseReason(who, c)));
  }

  /** Rules 1, 4, 6 and 7: why {@code who} may see or work case {@code c}, else 403. */
  private static String caseReason(Authentication who, Case c) {
    if (supervises(who)) {
      return "supervision";
    }
    if (is(who, Role.DEPARTMENT_STAFF) && c.department().value().equals(attribute(who, "department"))) {
      return "department case";
    }
    if (readsCases(who, c.department().value())) {
      return INTEGRATION;
    }
    throw forbidden();
  }

  /** Rule 7: an API key with {@code cases:read}, unbound or bound to {@code department}. */
  private static boolean readsCases(Authentication who, String department) {
    String bound = attribute(who, "department");
    return who.getRoles().contains(CASES_READ) && (bound == null || bound.equals(department));
  }

  /** Rules 1, 4 and 7 for a department's case list. */
  public void viewDepartmentCases(Authentication who, HttpRequest<?> request, String department) {
    boolean staff = is(who, Role.DEPARTMENT_STAFF) && department.equals(attribute(who, "department"));
    if (!supervises(who) && !staff && !readsCases(who, department)) {
      throw forbidden();
    }
    record(who, request, "list", "department-cases", department, null,
        supervises(who) ? "supervision" : staff ? "own department" : INTEGRATION);
  }

  /**
   * Which department's performance figures the caller may read (aggregates, no personal data, so not
   * audited): supervisors, administrators and analysts any ({@code null} asks for all), staff only their own
   * ({@code null} means their own); 403 otherwise.
   */
  public String departmentFigures(Authentication who, String department) {
    if (supervises(who) || is(who, Role.ANALYST)) {
      return department;
    }
    String own = attribute(who, "department");
    if (is(who, Role.DEPARTMENT_STAFF) && own != null && (department == null || department.equals(own))) {
      return own;
    }
    throw forbidden();
  }

  /**
   * The welfare program's seniors: supervisors and administrators (supervision); an operator only
   * for a senior whose preview call is waiting for them ({@code previewDue}, reason "preview call").
   * Every view audited.
   */
  public void viewSenior(Authentication who, HttpRequest<?> request, String senior, boolean previewDue) {
    String reason;
    if (supervises(who)) {
      reason = "supervision";
    } else if (is(who, Role.OPERATOR) && previewDue) {
      reason = "preview call";
    } else {
      throw forbidden();
    }
    record(who, request, "view", "senior", senior, null, reason);
  }

  /**
   * Seniors named in a list a welfare supervisor sees (the escalations): supervisors and
   * administrators only; each senior listed is audited as {@code list} (once in five minutes per viewer).
   */
  public void listSeniors(Authentication who, HttpRequest<?> request, Collection<String> seniors) {
    if (!supervises(who)) {
      throw forbidden();
    }
    for (String senior : seniors) {
      record(who, request, "list", "senior", senior, null, "supervision");
    }
  }

  /** An import of seniors by a supervisor or administrator, audited with how many rows were stored. */
  public void importSeniors(Authentication who, HttpRequest<?> request, int stored) {
    if (!supervises(who)) {
      throw forbidden();
    }
    audit.append(entry(who, request, "import", "seniors", String.valueOf(stored), null, "welfare registry import"));
  }

  /**
   * The reform board's contacts and cases (a task's links and its category's drill-down):
   * supervisors, administrators and analysts, who see anonymised rows (no citizen, no words); each
   * row shown is audited as {@code list} with the reason {@code reform task <id>} and the citizen
   * it belongs to (once in five minutes per viewer).
   */
  public void listForReform(Authentication who, HttpRequest<?> request, String recordType, String recordId,
      String citizen, String task) {
    if (!supervises(who) && !is(who, Role.ANALYST)) {
      throw forbidden();
    }
    record(who, request, "list", recordType, recordId, citizen, "reform task " + task);
  }

  /**
   * A hotspot cell's located contacts and cases on the map page: supervisors and administrators see
   * them with the citizen's words and address, audited as {@code view}; analysts see anonymised rows,
   * audited as {@code list}; both with the reason {@code hotspot <cell>} and the citizen the row belongs
   * to (once in five minutes per viewer).
   */
  public void listForHotspot(Authentication who, HttpRequest<?> request, String recordType, String recordId,
      String citizen, String cell) {
    if (!supervises(who) && !is(who, Role.ANALYST)) {
      throw forbidden();
    }
    record(who, request, supervises(who) ? "view" : "list", recordType, recordId, citizen, "hotspot " + cell);
  }

  /** Rule 5. */
  public void act(Authentication who, Contact contact) {
    if (!supervises(who) && !holds(who, contact)) {
      throw forbidden();
    }
  }

  private String reasonToSee(Authentication who, String citizen, Collection<Contact> contacts) {
    if (supervises(who)) {
      return "supervision";
    }
    if (is(who, Role.OPERATOR) && contacts.stream().anyMatch(c -> holds(who, c))) {
      return "holds contact";
    }
    if (is(who, Role.DEPARTMENT_STAFF) && contacts.stream().flatMap(c -> cases.byContact(c.id()).stream())
        .anyMatch(k -> k.department().value().equals(attribute(who, "department")))) {
      return "department case";
    }
    throw forbidden();
  }

  private static boolean holds(Authentication who, Contact contact) {
    String agent = attribute(who, "agent");
    return agent != null && contact.agent() != null && contact.agent().value().equals(agent)
        && HELD.contains(contact.state());
  }

  private void record(Authentication who, HttpRequest<?> request, String action, String type, String id,
      String citizen, String reason) {
    String key = who.getName() + '|' + action + '|' + type + '|' + id;
    if (recent.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
      try {
        audit.append(entry(who, request, action, type, id, citizen, reason));
      } catch (RuntimeException e) {
        recent.invalidate(key);
        throw e;
      }
    }
  }

  private AuditEntry entry(Authentication who, HttpRequest<?> request, String action, String type, String id,
      String citizen, String reason) {
    String role = who.getRoles().stream().findFirst().orElse(null);
    return new AuditEntry(who.getName(), role, action, type, id, citizen, reason, addresses.resolve(request),
        clock.instant());
  }

  private static String citizenOf(Contact contact) {
    return contact.citizen() == null ? null : contact.citizen().value();
  }

  /** True for supervisors and administrators (rule 1). */
  public static boolean supervises(Authentication who) {
    return is(who, Role.SUPERVISOR) || is(who, Role.ADMIN);
  }

  private static boolean is(Authentication who, Role role) {
    return who.getRoles().contains(role.name());
  }

  private static String attribute(Authentication who, String name) {
    Object value = who.getAttributes().get(name);
    return value == null ? null : value.toString();
  }

  private static HttpStatusException forbidden() {
    return new HttpStatusException(HttpStatus.FORBIDDEN, "this record is not part of your work");
  }
}
