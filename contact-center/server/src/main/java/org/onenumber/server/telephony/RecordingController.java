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
import java.nio.file.Files;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.api.ApiError;

/** Plays a call's recording back: supervisors and admins only; 404 when there is none (or its file is gone). */
@Controller("/api/v1/contacts/{id}/recording")
@Secured({"SUPERVISOR", "ADMIN"})
final class RecordingController {

  private final JdbcCallRecordings recordings;
  private final RecordingFiles files;

  RecordingController(JdbcCallRecordings recordings, RecordingFiles files) {
    this.recordings = recordings;
    this.files = files;
  }

  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Operation(summary = "Play a call's recording (supervisors and administrators; 404 when none is kept)")
  HttpResponse<?> play(@PathVariable String id) {
    if (id == null || id.isBlank() || id.length() > 64) {
      return HttpResponse.badRequest(new ApiError("invalid_input", "contact id is malformed"));
    }
    return recordings.find(new ContactId(id))
        .map(r -> files.pathOf(r.file()))
        .filter(Files::isRegularFile)
        .<HttpResponse<?>>map(p -> HttpResponse.ok(new SystemFile(p.toFile(), MediaType.of("audio/wav"))))
        .orElseGet(() -> HttpResponse.notFound(new ApiError("not_found", "this contact has no recording")));
  }
}
