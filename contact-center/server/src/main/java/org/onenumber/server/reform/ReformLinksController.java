package org.onenumber.server.reform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.reform.ReformTask;
import org.onenumber.server.analytics.ContactCategories;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * The contacts and cases that show a reform task's problem. The drill-down lists the task's
 * category — contacts created in the last 28 days whose category (the operator's disposition, else
 * the guess) is the task's type, and cases classified in it — newest first, at most 100 each, not
 * yet linked; the board links some of them and lists the links. Rows are anonymised (no citizen,
 * no words) and every row shown is audited ({@link CitizenDataAccess#listForReform}). Ids that
 * name no contact or case are 400, nothing linked.
 */
@Controller("/api/v1/reform/tasks/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"SUPERVISOR", "ADMIN", "ANALYST"})
@Tag(name = "reform")
final class ReformLinksController {

  private static final int LIMIT = 100;
  private static final Duration DRILL_DOWN = Duration.ofDays(28);
  private final JdbcReformTasks tasks;
  private final JdbcReformLinks links;
  private final ContactCategories categories;
  private final ContactJournal contacts;
  private final CaseRegistry cases;
  private final CitizenDataAccess access;
  private final InstantSource clock;

  ReformLinksController(JdbcReformTasks tasks, JdbcReformLinks links, ContactCategories categories,
      ContactJournal contacts, CaseRegistry cases, CitizenDataAccess access, InstantSource clock) {
    this.tasks = tasks;
    this.links = links;
    this.categories = categories;
    this.contacts = contacts;
    this.cases = cases;
    this.access = access;
    this.clock = clock;
  }

  @Get("/drill-down")
  @Operation(summary = "The task's category drill-down: its recent contacts and cases not yet linked (anonymised "
      + "rows, each audited)")
  Map<String, Object> drillDown(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    ReformTask task = find(id);
    Set<String> linked = links.of(id).stream().map(JdbcReformLinks.Link::recordId).collect(Collectors.toSet());
    Instant now = clock.instant();
    List<Contact> recent = categories.contactsCreated(now.minus(DRILL_DOWN), now.plusSeconds(1)).stream()
        .filter(c -> task.type().equals(c.topic()) && !linked.contains(c.id().value()))
        .sorted(Comparator.comparing(Contact::createdAt).reversed()).limit(LIMIT).toList();
    List<Case> classified = links.casesOfType(task.type(), LIMIT + linked.size()).stream()
        .filter(c -> !linked.contains(c)).limit(LIMIT).map(c -> cases.find(new CaseId(c)))
        .flatMap(java.util.Optional::stream).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", task.type());
    body.put("days", DRILL_DOWN.toDays());
    body.putAll(rows(id, recent, classified, who, request));
    return body;
  }

  @Get("/links")
  @Operation(summary = "The contacts and cases linked to a reform task (anonymised rows, each audited)")
  Map<String, Object> linked(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    find(id);
    return linkedRows(id, who, request);
  }

  @Post("/links")
  @Operation(summary = "Link contacts and cases (ids picked from the task's drill-down, at most 100) to a reform task")
  Map<String, Object> link(@PathVariable String id, @io.micronaut.core.annotation.Nullable @Body ReformBodies.Links body,
      Authentication who, HttpRequest<?> request) {
    find(id);
    InvalidInputException.require(body, "body");
    List<String> contactIds = ids(body.contacts());
    List<String> caseIds = ids(body.cases());
    if (contactIds.isEmpty() && caseIds.isEmpty() || contactIds.size() + caseIds.size() > LIMIT) {
      throw new InvalidInputException("contacts and cases: 1 to " + LIMIT + " ids in all");
    }
    if (!contactIds.stream().allMatch(c -> contacts.find(new ContactId(c)).isPresent())) {
      throw new InvalidInputException("contacts must be ids of contacts (from the task's drill-down)");
    }
    if (!caseIds.stream().allMatch(c -> cases.find(new CaseId(c)).isPresent())) {
      throw new InvalidInputException("cases must be ids of cases (from the task's drill-down)");
    }
    Instant now = clock.instant();
    links.link(id, JdbcReformLinks.Kind.CONTACT, contactIds, who.getName(), now);
    links.link(id, JdbcReformLinks.Kind.CASE, caseIds, who.getName(), now);
    return linkedRows(id, who, request);
  }

  private Map<String, Object> linkedRows(String id, Authentication who, HttpRequest<?> request) {
    List<Contact> linkedContacts = new ArrayList<>();
    List<Case> linkedCases = new ArrayList<>();
    for (JdbcReformLinks.Link l : links.of(id)) {
      if (l.kind() == JdbcReformLinks.Kind.CONTACT) {
        contacts.find(new ContactId(l.recordId())).ifPresent(linkedContacts::add);
      } else {
        cases.find(new CaseId(l.recordId())).ifPresent(linkedCases::add);
      }
    }
    return rows(id, linkedContacts, linkedCases, who, request);
  }

  private Map<String, Object> rows(String task, List<Contact> shownContacts, List<Case> shownCases,
      Authentication who, HttpRequest<?> request) {
    shownContacts.forEach(c -> access.listForReform(who, request, "contact", c.id().value(),
        c.citizen() == null ? null : c.citizen().value(), task));
    shownCases.forEach(c -> access.listForReform(who, request, "case", c.id().value(),
        c.citizen() == null ? null : c.citizen().value(), task));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contacts", shownContacts.stream().map(ReformViews::contact).toList());
    body.put("cases", shownCases.stream().map(ReformViews::caseRow).toList());
    return body;
  }

  private static List<String> ids(List<String> given) {
    if (given == null) {
      return List.of();
    }
    return given.stream().map(i -> {
      String id = InvalidInputException.requireText(i, "id").strip();
      if (id.length() > 36) {
        throw new InvalidInputException("ids are at most 36 characters");
      }
      return id;
    }).distinct().toList();
  }

  private ReformTask find(String id) {
    return tasks.find(id).orElseThrow(() -> new NotFoundException("reform task", id));
  }
}
