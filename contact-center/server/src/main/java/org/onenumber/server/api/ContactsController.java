package org.onenumber.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.admission.IntakeAdmission;
import org.onenumber.server.admission.IntakeKind;
import org.onenumber.server.admission.ShedResponses;
import org.onenumber.server.api.Views.ContactView;
import org.onenumber.server.intake.IdempotencyKey;
import org.onenumber.server.intake.IdempotentIntake;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * Contacts: the generic intake used by integrations and the load simulator, and reading a
 * contact back. The intake answers 201 only after the contact is committed. With an {@code
 * Idempotency-Key} a repeat answers 201 with the first answer again (header {@code
 * Idempotent-Replayed: true}) instead of opening a second contact ({@link IdempotentIntake}).
 */
@Controller("/api/v1/contacts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "contacts")
final class ContactsController {

  static final String REPLAYED = "Idempotent-Replayed";

  private final IdempotentIntake intake;
  private final ContactJournal journal;
  private final CitizenDataAccess access;
  private final JsonMapper json;
  private final IntakeAdmission admission;
  private final ShedResponses shedResponses;

  ContactsController(IdempotentIntake intake, ContactJournal journal, CitizenDataAccess access, JsonMapper json,
      IntakeAdmission admission, ShedResponses shedResponses) {
    this.admission = admission;
    this.shedResponses = shedResponses;
    this.intake = intake;
    this.journal = journal;
    this.access = access;
    this.json = json;
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Open a contact: the citizen is registered or recognised, the contact journaled and queued;"
      + " queue, priority and skills only from supervisors, administrators and integrations")
  @SuppressWarnings("unchecked") // a shed request's 503 carries the JSON error, not a ContactView
  HttpResponse<ContactView> open(HttpRequest<?> http, @Body OpenContactRequest request, @Nullable Authentication who,
      @Parameter(in = ParameterIn.HEADER, description = "Optional, 16-128 of [A-Za-z0-9._:-], one random value per"
          + " submission (a UUID): a repeat with the same key and body within onenumber.intake.idempotency-ttl (24 h)"
          + " answers the first answer (201, header Idempotent-Replayed: true) without a second contact; the same key"
          + " with another body is refused with 422")
      @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey) {
    OpenContactCommand command = command(request, who != null && CitizenDataAccess.supervises(who));
    IdempotencyKey key = idempotencyKey == null ? null
        : IdempotencyKey.of(who == null ? null : who.getName(), idempotencyKey, bytes(request));
    IdempotentIntake.Answer answer;
    var permit = admission.tryEnter(IntakeKind.CONTACT);
    if (permit == null) { // answered here, not thrown: see ShedResponses
      return (HttpResponse<ContactView>) shedResponses.of(http, admission.refusal(IntakeKind.CONTACT));
    }
    try (permit) {
      answer = intake.open(command, key);
    }
    MutableHttpResponse<ContactView> response = HttpResponse.created(answer.contact());
    return answer.replayed() ? response.header(REPLAYED, "true") : response;
  }

  private byte[] bytes(OpenContactRequest request) {
    try {
      return json.writeValueAsBytes(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get("/{id}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Operation(summary = "A contact with every step of its lifecycle (its holder, its department's staff, supervisors; audited)")
  ContactView find(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    var contact = journal.find(new ContactId(id)).orElseThrow(() -> new NotFoundException("contact", id));
    access.viewContact(who, request, contact, "contact");
    return ContactView.of(contact);
  }

  /**
   * The intake command. An anonymous (untrusted) caller sets only what a citizen may: channel,
   * language, topic and contact details, which are not proof of identity; queue, priority and
   * skills then come from the city's rules.
   */
  static OpenContactCommand command(OpenContactRequest r, boolean trusted) {
    InvalidInputException.require(r, "body");
    InvalidInputException.require(r.channel(), "channel");
    if (!trusted && (r.queue() != null || r.priority() != null || r.skills() != null)) {
      throw new HttpStatusException(HttpStatus.FORBIDDEN,
          "queue, priority and skills come from the city's rules; only a supervisor or an integration may set them");
    }
    return new OpenContactCommand(r.channel(), identity(r), r.name(), Language.of(r.language()), r.topic(),
        r.queue() == null ? null : new QueueId(r.queue()), r.priority(), skills(r), trusted);
  }

  private static CitizenIdentity identity(OpenContactRequest r) {
    if (r.phone() != null) {
      return PhoneNumbers.parse(r.phone());
    }
    if (r.chatId() != null) {
      return new CitizenIdentity.ChatHandle(r.chatId());
    }
    if (r.email() != null) {
      return new CitizenIdentity.Email(r.email());
    }
    throw new InvalidInputException("one of phone, chatId or email is required");
  }

  private static Set<SkillLevel> skills(OpenContactRequest r) {
    if (r.skills() == null) {
      return Set.of();
    }
    return r.skills().stream().map(text -> {
      String[] pair = text.split(":");
      if (pair.length != 2 || !pair[1].matches("[0-9]")) {
        throw new InvalidInputException("skill must look like 'tax:2', got '" + text + "'");
      }
      return SkillLevel.of(pair[0], Integer.parseInt(pair[1]));
    }).collect(Collectors.toSet());
  }

}
