package org.onenumber.server.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.analytics.JdbcComplaintCategories.DispositionEntry;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * {@code /api/v1/contacts/{id}/dispositions}: every disposition of a contact, oldest first, with who
 * chose it and when; the last is the contact's category. The operator holding the contact, supervisors
 * and administrators read it (type codes and logins, no citizen data); supervisors correct a
 * disposition after the contact ended (a quality review), which appends to the history like a wrap-up.
 */
@Controller("/api/v1/contacts/{id}/dispositions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "analytics")
final class ContactDispositionsController {

  /** {@code category}: a type code of the city's tree. */
  @Serdeable
  record DispositionBody(@Nullable String category) {}

  /** The history, oldest first, and the current disposition (the last one, or null). */
  @Serdeable
  record History(String contactId, @Nullable String current, List<DispositionEntry> items) {}

  private final JdbcComplaintCategories stored;
  private final Dispositions dispositions;
  private final ContactJournal journal;
  private final CitizenDataAccess access;

  ContactDispositionsController(JdbcComplaintCategories stored, Dispositions dispositions, ContactJournal journal,
      CitizenDataAccess access) {
    this.stored = stored;
    this.dispositions = dispositions;
    this.journal = journal;
    this.access = access;
  }

  @Get
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Every disposition of a contact, oldest first, with who chose it and when; the last one "
      + "(current) is the contact's category in FCR, reports and exports")
  History list(@PathVariable String id, Authentication who) {
    access.act(who, find(id));
    return history(id);
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Correct a contact's disposition (supervisors): appended to the history, it becomes the "
      + "contact's category and its cases that follow the contact move with it")
  History correct(@PathVariable String id, @Body DispositionBody body, Authentication who) {
    ComplaintType type = dispositions.check(body == null ? null : body.category());
    find(id);
    dispositions.record(new ContactId(id), type, who.getName());
    return history(id);
  }

  private History history(String id) {
    List<DispositionEntry> items = stored.dispositionHistory(id);
    return new History(id, items.isEmpty() ? null : items.getLast().category(), items);
  }

  private Contact find(String id) {
    return journal.find(new ContactId(id)).orElseThrow(() -> new NotFoundException("contact", id));
  }
}
