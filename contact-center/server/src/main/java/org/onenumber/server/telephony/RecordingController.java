package org.onenumber.server.telephony;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import java.nio.file.Files;
import java.util.Optional;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.security.CitizenDataAccess;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.api.ApiError;

/**
 * Plays a call's recording back: supervisors and admins only, each playback audited ({@link
 * CitizenDataAccess#viewContact}, {@code recording}); 404 when the contact or its recording is
 * unknown (or its file is gone).
 */
@Controller("/api/v1/contacts/{id}/recording")
@Secured({"SUPERVISOR", "ADMIN"})
final class RecordingController {

  private final JdbcCallRecordings recordings;
  private final RecordingFiles files;
  private final ContactJournal journal;
  private final CitizenDataAccess access;

  RecordingController(JdbcCallRecordings recordings, RecordingFiles files, ContactJournal journal,
      CitizenDataAccess access) {
    this.recordings = recordings;
    this.files = files;
    this.journal = journal;
    this.access = access;
  }

  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Operation(summary = "Play a call's recording (supervisors and administrators; 404 when none is kept)")
  HttpResponse<?> play(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    if (id == null || id.isBlank() || id.length() > 64) {
      return HttpResponse.badRequest(new ApiError("invalid_input", "contact id is malformed"));
    }
    Optional<Contact> contact = journal.find(new ContactId(id));
    if (contact.isEmpty()) {
      return HttpResponse.notFound(new ApiError("not_found", "this contact has no recording"));
    }
    access.viewContact(who, request, contact.get(), "recording");
    return recordings.find(new ContactId(id))
        .map(r -> files.pathOf(r.file()))
        .filter(Files::isRegularFile)
        .<HttpResponse<?>>map(p -> HttpResponse.ok(new SystemFile(p.toFile(), MediaType.of("audio/wav"))))
        .orElseGet(() -> HttpResponse.notFound(new ApiError("not_found", "this contact has no recording")));
  }
}
