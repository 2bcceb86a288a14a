package org.onenumber.server.channels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.onenumber.core.casework.Case;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.intake.IdentityLinking;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.api.PhoneNumbers;
import org.onenumber.server.api.Views.ContactView;
import org.onenumber.server.api.Views.Items;
import org.onenumber.server.channels.MessageViews.CitizenView;
import org.onenumber.server.channels.MessageViews.LinkRequest;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * Finding contacts by the citizen's phone number and channel, the citizen panel of the console
 * (identity, language, consent, open cases, contacts on every channel), and linking an identity
 * the operator has verified.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "contacts")
final class ContactSearchController {

  private static final int HISTORY = 50;
  private final CitizenRegistry citizens;
  private final ContactJournal journal;
  private final CitizenDataAccess access;
  private final CaseRegistry cases;
  private final IdentityLinking linking;

  ContactSearchController(CitizenRegistry citizens, ContactJournal journal, CitizenDataAccess access,
      CaseRegistry cases, IdentityLinking linking) {
    this.citizens = citizens;
    this.journal = journal;
    this.access = access;
    this.cases = cases;
    this.linking = linking;
  }

  @Get("/contacts{?channel,phone,reason}")
  @Operation(summary = "Contacts of the citizen with this phone number, newest first, optionally on one channel;"
      + " operators must give a reason, and every search is audited")
  Items<ContactView> search(@Nullable @QueryValue String channel, @Nullable @QueryValue String phone,
      @Nullable @QueryValue String reason, Authentication who, HttpRequest<?> request) {
    InvalidInputException.requireText(phone, "phone");
    Channel only = channel == null || channel.isBlank() ? null : channel(channel);
    var citizen = citizens.findByIdentity(PhoneNumbers.parse(phone));
    access.search(who, request, citizen.map(c -> c.id().value()).orElse(null), reason);
    List<Contact> found = citizen.map(c -> journal.byCitizen(c.id(), HISTORY)).orElse(List.of());
    return new Items<>(found.stream().filter(c -> only == null || c.channel() == only).map(ContactView::of).toList());
  }

  @Get("/citizens/{id}")
  @Operation(summary = "A citizen with identities, language, consent, open cases and contacts across every channel")
  CitizenView citizen(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    var citizen = citizens.find(new CitizenId(id)).orElseThrow(() -> new NotFoundException("citizen", id));
    List<Contact> contacts = journal.byCitizen(citizen.id(), HISTORY);
    access.viewCitizen(who, request, id, contacts);
    return view(citizen, contacts, who);
  }

  @Post("/citizens/{id}/identities")
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Link an identity the operator has verified (another phone, an e-mail) to the citizen;"
      + " one that was another citizen's merges that citizen's history in. Operators: only while holding one of"
      + " the citizen's contacts; audited with how it was verified")
  CitizenView link(@PathVariable String id, @Body LinkRequest body, Authentication who, HttpRequest<?> request) {
    InvalidInputException.require(body, "body");
    String verification = IdentityLinking.verification(body.verification());
    CitizenIdentity identity = switch (InvalidInputException.requireText(body.kind(), "kind")) {
      case "phone" -> PhoneNumbers.parse(body.value());
      case "email" -> new CitizenIdentity.Email(body.value());
      default -> throw new InvalidInputException("kind must be phone or email");
    };
    var citizen = citizens.find(new CitizenId(id)).orElseThrow(() -> new NotFoundException("citizen", id));
    access.linkIdentity(who, request, citizen.id().value(), journal.byCitizen(citizen.id(), HISTORY),
        "verified: " + verification);
    var linked = linking.link(citizen.id(), identity, verification);
    return view(linked.citizen(), journal.byCitizen(linked.citizen().id(), HISTORY), who);
  }

  /** Department staff see only their own department's cases of the citizen. */
  private CitizenView view(Citizen citizen, List<Contact> contacts, Authentication who) {
    Object department = who.getRoles().contains("DEPARTMENT_STAFF") ? who.getAttributes().get("department") : null;
    List<Case> open = cases.byCitizen(citizen.id()).stream()
        .filter(k -> department == null || k.department().value().equals(department)).toList();
    return CitizenView.of(citizen, contacts, open);
  }

  private static Channel channel(String text) {
    try {
      return Channel.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("channel must be one of VOICE, VIDEO, SMS, WHATSAPP, CHAT, WEB_FORM, EMAIL");
    }
  }
}
