package org.onenumber.server.telephony;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * The recordings of a call, listed in the contact's view for whoever may see the contact (its holder,
 * its department's staff, supervisors and admins; {@link CitizenDataAccess#viewContact}, audited as
 * {@code recordings}); anyone else 403. Each entry says when the recording started, how long it ran
 * (null while it runs) and, for supervisors and admins only, the URL it plays from ({@link
 * RecordingController}, itself audited). File names never leave the server.
 */
@Controller("/api/v1/contacts/{id}/recordings")
@Secured(SecurityRule.IS_AUTHENTICATED)
final class RecordingsController {

  /** One recording of the call. */
  @Serdeable
  record RecordingView(Instant startedAt, Double durationSeconds, String playUrl) {}

  /** The contact's recordings (none, or one per call today). */
  @Serdeable
  record RecordingList(String contactId, List<RecordingView> recordings) {}

  private final JdbcCallRecordings recordings;
  private final ContactJournal journal;
  private final CitizenDataAccess access;

  RecordingsController(JdbcCallRecordings recordings, ContactJournal journal, CitizenDataAccess access) {
    this.recordings = recordings;
    this.journal = journal;
    this.access = access;
  }

  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Operation(summary = "A call's recordings in the contact view: start and length for its holder, department "
      + "staff and supervisors, the playback URL for supervisors only (audited)")
  RecordingList list(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    Contact contact = find(id, journal);
    access.viewContact(who, request, contact, "recordings");
    boolean plays = CitizenDataAccess.supervises(who);
    List<RecordingView> views = recordings.find(contact.id()).stream()
        .map(r -> new RecordingView(r.startedAt(), r.duration() == null ? null : r.duration().toMillis() / 1000.0,
            plays ? "/api/v1/contacts/" + contact.id().value() + "/recording" : null))
        .toList();
    return new RecordingList(contact.id().value(), views);
  }

  /** The journaled contact {@code id}; 400 for a malformed id, 404 for an unknown one. */
  static Contact find(String id, ContactJournal journal) {
    if (id == null || id.isBlank() || id.length() > 64) {
      throw new InvalidInputException("contact id is malformed");
    }
    return journal.find(new ContactId(id)).orElseThrow(() -> new NotFoundException("contact", id));
  }
}
