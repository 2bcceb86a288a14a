package org.onenumber.server.channels;

import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.casework.Case;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.messaging.Message;

/** JSON shapes of messages, cases and citizens for the console and the API. */
final class MessageViews {

  private MessageViews() {}

  @Serdeable
  record MessageView(String id, String contactId, String channel, String direction, String author, String body,
      List<String> media, String providerId, String status, String error, Instant at) {
    static MessageView of(Message m) {
      return new MessageView(m.id().value(), m.contact() == null ? null : m.contact().value(), m.channel().name(),
          m.direction().name(), m.author(), m.body(), m.media().stream().map(URI::toString).toList(),
          m.providerId(), m.status().name(), m.error(), m.at());
    }
  }

  @Serdeable
  record ReplyRequest(String body, List<String> media) {}

  @Serdeable
  record EscalateRequest(String department, String category, String summary, String priority) {}

  @Serdeable
  record CaseStatusView(String status, Instant at, String author, String note, String publicNote, String kind,
      String detail) {}

  @Serdeable
  record CaseView(String id, String department, String category, String priority, String summary, String citizenId,
      List<String> contacts, Instant dueAt, Instant openedAt, String status, List<CaseStatusView> history,
      int version, String assignee) {
    static CaseView of(Case c) {
      return new CaseView(c.id().value(), c.department().value(), c.category(), c.priority().name(), c.summary(),
          c.citizen().value(), c.contacts().stream().map(Object::toString).toList(), c.dueAt(), c.openedAt(),
          c.status().name(), c.history().stream()
              .map(h -> new CaseStatusView(h.status().name(), h.at(), h.author(), h.note(), h.publicNote(),
                  h.kind().name(), h.detail())).toList(), c.version(), c.assignee());
    }
  }

  @Serdeable
  record ContactSummary(String id, String channel, String language, String state, String topic, String queue,
      String agent, Instant createdAt) {
    static ContactSummary of(Contact c) {
      return new ContactSummary(c.id().value(), c.channel().name(), c.language().code(), c.state().name(), c.topic(),
          c.queue() == null ? null : c.queue().value(), c.agent() == null ? null : c.agent().value(), c.createdAt());
    }
  }

  @Serdeable
  record IdentityView(String kind, String value) {}

  @Serdeable
  record ConsentView(boolean storeHistory, boolean recordCalls, boolean smsOptOut) {}

  @Serdeable
  record CitizenView(String id, String name, String preferredLanguage, List<IdentityView> identities,
      ConsentView consent, List<ContactSummary> contacts, List<OpenCaseView> openCases) {
    static CitizenView of(Citizen c, List<Contact> contacts, List<Case> cases) {
      return new CitizenView(c.id().value(), c.name(), c.preferredLanguage().code(),
          c.identities().stream().sorted(java.util.Comparator.comparing(CitizenIdentity::kind)
              .thenComparing(CitizenIdentity::value)).map(i -> new IdentityView(i.kind(), i.value())).toList(),
          new ConsentView(c.consent().storeHistory(), c.consent().recordCalls(), c.consent().smsOptOut()),
          contacts.stream().map(ContactSummary::of).toList(),
          cases.stream().filter(k -> !CLOSED.contains(k.status())).map(OpenCaseView::of).toList());
    }
  }

  private static final java.util.Set<org.onenumber.core.casework.CaseStatus> CLOSED = java.util.EnumSet.of(
      org.onenumber.core.casework.CaseStatus.RESOLVED, org.onenumber.core.casework.CaseStatus.CLOSED,
      org.onenumber.core.casework.CaseStatus.REJECTED, org.onenumber.core.casework.CaseStatus.MERGED);

  /** A case of the citizen still being worked on, for the console's citizen panel. */
  @Serdeable
  record OpenCaseView(String id, String department, String category, String status, Instant dueAt) {
    static OpenCaseView of(Case c) {
      return new OpenCaseView(c.id().value(), c.department().value(), c.category(), c.status().name(), c.dueAt());
    }
  }

  /** An identity an operator has verified, and how. */
  @Serdeable
  record LinkRequest(String kind, String value, String verification) {}
}
