package org.onenumber.server.console;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.console.JdbcContactNotes.Kind;
import org.onenumber.server.console.JdbcContactNotes.Note;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * {@code /api/v1/contacts/{id}/notes}: internal notes on a contact, read with its wrap-up note. The
 * contact's operator writes notes; supervisors and admins read every contact's and write whispers
 * ({@code "kind": "WHISPER"}), which only the operator sees. Nothing here reaches the citizen.
 */
@Controller("/api/v1/contacts/{id}/notes")
@Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "console")
final class ContactNotesController {

  @Serdeable
  record NoteBody(String body, @io.micronaut.core.annotation.Nullable String kind) {}

  @Serdeable
  record Notes(List<Note> items) {}

  private final JdbcContactNotes notes;
  private final ContactJournal journal;

  ContactNotesController(JdbcContactNotes notes, ContactJournal journal) {
    this.notes = notes;
    this.journal = journal;
  }

  @Get
  @Operation(summary = "The contact's internal notes, wrap-up note and whispers, oldest first")
  Notes list(@PathVariable String id, Authentication who) {
    ContactId contact = allowed(id, who);
    return new Notes(notes.of(contact));
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Operation(summary = "Add an internal note (operators) or a whisper (supervisors, kind WHISPER)")
  Note add(@PathVariable String id, @Body NoteBody body, Authentication who) {
    ContactId contact = allowed(id, who);
    InvalidInputException.require(body, "body");
    boolean supervisor = CitizenDataAccess.supervises(who);
    Kind kind = supervisor ? Kind.WHISPER : Kind.NOTE;
    if (body.kind() != null && !body.kind().equals(kind.name())) {
      throw new InvalidInputException("kind must be " + kind + " for this role");
    }
    return notes.add(contact, kind, who.getName(), body.body());
  }

  private ContactId allowed(String id, Authentication who) {
    ContactId contact = new ContactId(id);
    Contact found = journal.find(contact).orElseThrow(() -> new NotFoundException("contact", id));
    if (!CitizenDataAccess.supervises(who) && (found.agent() == null || !found.agent().value().equals(who.getName()))) {
      throw new HttpStatusException(io.micronaut.http.HttpStatus.FORBIDDEN, "only the contact's operator may see its notes");
    }
    return contact;
  }
}
