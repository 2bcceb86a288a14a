package org.onenumber.server.open311;

import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.onenumber.channels.open311.GeoReportDocuments;
import org.onenumber.channels.open311.GeoReportService;
import org.onenumber.channels.open311.RequestQuery;
import org.onenumber.channels.open311.ServiceRequestSubmission;
import org.onenumber.channels.open311.ServiceRequestView;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.media.FetchCaseMedia;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Department;
import org.onenumber.core.directory.Language;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.port.in.EscalateCase;
import org.onenumber.core.port.in.EscalateCaseCommand;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.Directory;
import org.onenumber.core.port.out.Transactions;
import io.micronaut.context.event.ApplicationEventPublisher;
import org.onenumber.server.api.PhoneNumbers;
import org.onenumber.server.events.ContactPlaced;
import org.onenumber.server.routing.HandedContacts;

/**
 * Files and reads Open311 service requests. Filing is one transaction, in order:
 *
 * <ol>
 *   <li>A {@code WEB_FORM} contact is opened through intake for the citizen the form names (phone,
 *       else e-mail, else a handle per client application and device or account, else per request),
 *       in the language they chose (Korean otherwise), with the service and description as its topic.
 *   <li>The contact is escalated to the service's department and category; the summary carries the
 *       description, the place and the photo link for the department.
 *   <li>The request row (what the client sent, a random token) is stored under the case's id.
 *   <li>A {@code media_url} is queued for {@link FetchCaseMedia}, which fetches it later (guarded
 *       against private addresses) into a case attachment; the link stays on the request.
 *   <li>What the caller adds (an idempotency key and its answer: {@link IdempotentFiling}).
 * </ol>
 *
 * It commits once, and only then are the contact's and the case's events published (routing sees
 * the queued contact, which the filing hands it in-process so it need not read it back: {@link
 * HandedContacts}) and a request with a place tells the emerging-issue fold where its contact
 * is ({@link ContactPlaced}, an in-process application event): {@link Transactions#afterCommit}.
 * The response goes out after the commit, so an acknowledged request is durable, and a failure
 * leaves nothing behind. Filings stored by earlier versions in three commits may have stopped
 * between them; {@link #resume} finishes such a filing for a retry with its {@code Idempotency-Key}.
 * Thread-safe.
 */
@Singleton
public final class Open311Desk {

  private static final String AUTHOR = "open311";
  /** The source of Open311 pictures on their case. */
  private static final String SOURCE = "open311";
  private final SecureRandom random = new SecureRandom();
  private final ContactIntake intake;
  private final EscalateCase escalate;
  private final CaseRegistry cases;
  private final Directory directory;
  private final JdbcOpen311Store store;
  private final InstantSource clock;
  private final FetchCaseMedia media;
  private final ApplicationEventPublisher<ContactPlaced> places;
  private final Transactions transactions;
  private final HandedContacts routing;

  Open311Desk(ContactIntake intake, EscalateCase escalate, CaseRegistry cases, Directory directory,
      JdbcOpen311Store store, InstantSource clock, FetchCaseMedia media,
      ApplicationEventPublisher<ContactPlaced> places, Transactions transactions, HandedContacts routing) {
    this.transactions = transactions;
    this.routing = routing;
    this.media = media;
    this.places = places;
    this.intake = intake;
    this.escalate = escalate;
    this.cases = cases;
    this.directory = directory;
    this.store = store;
    this.clock = clock;
  }

  /** Files {@code s} for client application {@code client}; returns the stored request and its case. */
  public Filed file(ServiceRequestSubmission s, String client) {
    return file(s, client, contact -> { }, filed -> { });
  }

  /**
   * As {@link #file(ServiceRequestSubmission, String)}, in one transaction that also runs {@code
   * withContact} as soon as the contact is stored (before the case) and {@code withFiled} at the
   * end: what they write commits with the filing, and an exception they throw rolls it all back.
   */
  public Filed file(ServiceRequestSubmission s, String client, Consumer<Contact> withContact,
      Consumer<Filed> withFiled) {
    String token = HexFormat.of().formatHex(bytes(12));
    GeoReportService service = s.service();
    Language language = s.language() == null ? Language.KOREAN : Language.of(s.language());
    OpenContactCommand command = new OpenContactCommand(Channel.WEB_FORM, identity(s, client, token), name(s),
        language, clip(service.name() + ": " + (s.description() == null ? "" : s.description()),
            OpenContactCommand.MAX_TOPIC), null, null, null);
    return transactions.inTransaction(() -> {
      Contact contact = intake.open(command, withContact);
      routing.hand(contact); // as journaled: the case and the request below leave the contact as it is
      Filed filed = fileCase(contact, s, client, token);
      withFiled.accept(filed);
      if (s.lat() != null && s.lon() != null) { // a resumed filing's place waits for the batch recount
        ContactPlaced placed = new ContactPlaced(contact.id().value(), contact.createdAt(), s.lat(), s.lon(),
            clock.instant());
        transactions.afterCommit(() -> places.publishEvent(placed));
      }
      return filed;
    });
  }

  /**
   * Finishes a filing whose contact committed and whose later steps may not have: the contact's
   * case if it was escalated (else escalates it), its request row if stored (else stores it and
   * queues the photo link). Callers make sure no other thread files for this contact.
   */
  public Filed resume(ContactId contact, ServiceRequestSubmission s, String client) {
    Optional<Case> escalated = cases.byContact(contact).stream().findFirst();
    if (escalated.isEmpty()) {
      return fileCase(contact, s, client, HexFormat.of().formatHex(bytes(12)));
    }
    Case opened = escalated.get();
    Optional<StoredRequest> stored = store.request(opened.id().value());
    return stored.map(row -> new Filed(row, opened, notice(opened)))
        .orElseGet(() -> storeRequest(opened, contact, s, client, HexFormat.of().formatHex(bytes(12))));
  }

  private Filed fileCase(ContactId contact, ServiceRequestSubmission s, String client, String token) {
    GeoReportService service = s.service();
    Case opened = escalate.escalate(new EscalateCaseCommand(contact, service.department(), service.category(),
        summary(s), null, AUTHOR));
    return storeRequest(opened, contact, s, client, token);
  }

  /** As above for the contact just opened in this transaction (escalation does not read it again). */
  private Filed fileCase(Contact contact, ServiceRequestSubmission s, String client, String token) {
    GeoReportService service = s.service();
    Case opened = escalate.escalate(new EscalateCaseCommand(contact.id(), service.department(), service.category(),
        summary(s), null, AUTHOR), contact);
    return storeRequest(opened, contact.id(), s, client, token);
  }

  private Filed storeRequest(Case opened, ContactId contact, ServiceRequestSubmission s, String client,
      String token) {
    StoredRequest row = new StoredRequest(opened.id().value(), token, client, s.service().code(), contact.value(), opened.openedAt(), s.lat(), s.lon(), s.addressString(), s.addressId(),
        s.description(), s.mediaUrl(), encode(s.attributes()));
    store.save(row, opened);
    if (s.mediaUrl() != null) {
      media.enqueue(SOURCE + ":" + opened.id().value(), opened.id(), null, java.net.URI.create(s.mediaUrl()), SOURCE);
    }
    return new Filed(row, opened, notice(opened));
  }

  /** A filed request, its case, and the notice for the response. */
  public record Filed(StoredRequest request, Case opened, String serviceNotice) {}

  /** The view of one stored request, with its case's current status. */
  public ServiceRequestView view(StoredRequest r) {
    return view(r, serviceNames());
  }

  private Map<String, String> serviceNames() {
    Map<String, String> names = new java.util.HashMap<>();
    store.services().forEach(s -> names.put(s.code(), s.name()));
    return names;
  }

  private ServiceRequestView view(StoredRequest r, Map<String, String> serviceNames) {
    Case c = cases.find(new CaseId(r.serviceRequestId())).orElse(null);
    String serviceName = serviceNames.getOrDefault(r.serviceCode(), r.serviceCode());
    if (c == null) {
      return new ServiceRequestView(r.serviceRequestId(), "open", null, serviceName, r.serviceCode(),
          r.description(), null, null, r.requestedAt(), r.requestedAt(), null, r.address(), r.addressId(), null,
          r.lat(), r.lon(), r.mediaUrl());
    }
    var history = c.history();
    return new ServiceRequestView(r.serviceRequestId(), ServiceRequestView.statusOf(c.status().name()),
        c.latestPublicNote(),
        serviceName, r.serviceCode(), r.description(), agency(c), null, r.requestedAt(),
        history.get(history.size() - 1).at(), c.dueAt(), r.address(), r.addressId(), null, r.lat(), r.lon(),
        r.mediaUrl());
  }

  /**
   * {@code GET requests}: the stored requests matching {@code q}, newest first. One statement reads
   * the requests with their cases' status, last change and latest public note (no case is read
   * separately); the service and department names come from one read each.
   */
  public List<ServiceRequestView> find(RequestQuery q) {
    Map<String, String> names = serviceNames();
    Map<String, String> agencies = new java.util.HashMap<>();
    directory.departments().forEach(d -> agencies.put(d.id().value(), d.nameEn()));
    List<JdbcOpen311Store.Listed> rows = q.ids().isEmpty()
        ? store.listed(q.from(), q.to(), q.serviceCodes(), q.statuses(), q.limit()) : store.listed(q.ids());
    return rows.stream().map(l -> view(l, names, agencies)).toList();
  }

  private static ServiceRequestView view(JdbcOpen311Store.Listed l, Map<String, String> serviceNames,
      Map<String, String> agencies) {
    StoredRequest r = l.request();
    String serviceName = serviceNames.getOrDefault(r.serviceCode(), r.serviceCode());
    boolean filed = l.departmentId() != null;
    return new ServiceRequestView(r.serviceRequestId(), l.status(),
        l.statusNotes(), serviceName, r.serviceCode(), r.description(),
        filed ? agencies.getOrDefault(l.departmentId(), l.departmentId()) : null, null, r.requestedAt(),
        filed ? l.updatedAt() : r.requestedAt(), l.dueAt(), r.address(), r.addressId(), null, r.lat(), r.lon(),
        r.mediaUrl());
  }

  private String agency(Case c) {
    return directory.department(c.department()).map(Department::nameEn).orElse(c.department().value());
  }

  private String notice(Case c) {
    String agency = agency(c);
    return agency + " has case " + c.id().value() + "; expected by " + GeoReportDocuments.w3c(c.dueAt());
  }

  private static CitizenIdentity identity(ServiceRequestSubmission s, String client, String token) {
    if (s.phone() != null) {
      return PhoneNumbers.parse(s.phone());
    }
    if (s.email() != null) {
      return new CitizenIdentity.Email(s.email());
    }
    String who = s.accountId() != null ? "account:" + s.accountId()
        : s.deviceId() != null ? "device:" + s.deviceId() : "request:" + token;
    return new CitizenIdentity.ChatHandle(clip("open311:" + client + ":" + who, 200));
  }

  private static String name(ServiceRequestSubmission s) {
    String name = String.join(" ", java.util.stream.Stream.of(s.firstName(), s.lastName())
        .filter(n -> n != null).toList());
    return name.isBlank() ? null : name;
  }

  private static String summary(ServiceRequestSubmission s) {
    StringBuilder place = new StringBuilder();
    if (s.addressString() != null) {
      place.append("\nAddress: ").append(s.addressString());
    }
    if (s.addressId() != null) {
      place.append("\nAddress id: ").append(s.addressId());
    }
    if (s.lat() != null) {
      place.append("\nLat/long: ").append(s.lat()).append(", ").append(s.lon());
    }
    if (s.mediaUrl() != null) {
      place.append("\nPhoto: ").append(s.mediaUrl());
    }
    s.attributes().forEach((code, values) -> place.append('\n').append(code).append(": ")
        .append(String.join(", ", values)));
    String tail = clip(place.toString(), 2_000);
    String description = s.description() == null || s.description().isBlank()
        ? s.service().name() : s.description();
    return clip(description, 4_000 - tail.length()) + tail;
  }

  private static String encode(Map<String, List<String>> attributes) {
    StringBuilder form = new StringBuilder();
    attributes.forEach((code, values) -> values.forEach(v -> {
      if (!form.isEmpty()) {
        form.append('&');
      }
      form.append(URLEncoder.encode("attribute[" + code + "]" + (values.size() > 1 ? "[]" : ""),
          StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }));
    return form.isEmpty() ? null : clip(form.toString(), 8_000);
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
