package org.onenumber.server.monitor;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.messaging.Message;
import org.onenumber.core.port.in.SendReply;
import org.onenumber.core.port.in.SendReplyCommand;
import org.onenumber.core.port.out.CallMonitoring;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.server.console.JdbcContactNotes;
import org.onenumber.server.monitor.JdbcMonitorSessions.Mode;
import org.onenumber.server.monitor.JdbcMonitorSessions.Session;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.routing.AgentSockets;
import org.onenumber.server.routing.EngineRead;
import org.onenumber.server.routing.RoutingHost;
import org.onenumber.server.security.CitizenDataAccess;
import org.onenumber.server.telephony.CallMonitors;

/**
 * {@code /api/v1/monitor}: the supervisor's floor. Every live conversation; monitoring sessions
 * (kept as sessions here and, as a view of the citizen's conversation, in the audit log) in SILENT, WHISPER or BARGE mode; a whisper (a note only the operator sees) needs a
 * WHISPER or BARGE session, writing to the citizen a BARGE session. The contact's operator may read
 * who monitors their contact (the console's "monitored" mark).
 */
@Controller("/api/v1/monitor")
@Secured({"SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "monitor")
final class MonitorController {

  @Serdeable
  record LiveView(String contactId, String agentId, String agentName, String queueId, String channel, String language,
      Instant connectedAt) {}

  @Serdeable
  record Items<T>(List<T> items) {}

  @Serdeable
  record ModeBody(String mode) {}

  @Serdeable
  record SentView(String id, String contactId, String author, String status) {}

  @Serdeable
  record TextBody(String body) {}

  private final RoutingHost routing;
  private final JdbcDirectory directory;
  private final JdbcMonitorSessions sessions;
  private final JdbcContactNotes notes;
  private final SendReply replies;
  private final AgentSockets sockets;
  private final InstantSource clock;
  private final CitizenDataAccess access;
  private final CallMonitors voice;

  MonitorController(RoutingHost routing, JdbcDirectory directory, JdbcMonitorSessions sessions, JdbcContactNotes notes,
      SendReply replies, AgentSockets sockets, InstantSource clock, CitizenDataAccess access, CallMonitors voice) {
    this.routing = routing;
    this.directory = directory;
    this.sessions = sessions;
    this.notes = notes;
    this.replies = replies;
    this.sockets = sockets;
    this.clock = clock;
    this.access = access;
    this.voice = voice;
  }

  @Get("/conversations")
  @Operation(summary = "Every conversation connected to an operator now")
  Items<LiveView> live() {
    List<Agent> agents = directory.agents();
    Map<AgentId, AgentStatus> seated = routing.read(EngineRead.AGENTS, "").stream()
        .collect(Collectors.toMap(AgentStatus::agent, s -> s));
    List<LiveView> live = new ArrayList<>();
    for (Agent agent : agents) {
      Optional.ofNullable(seated.get(agent.id())).ifPresent(s -> s.held().stream()
          .filter(c -> c.state() == ContactState.CONNECTED)
          .forEach(c -> live.add(new LiveView(c.id().value(), agent.id().value(), agent.name(),
              c.queue() == null ? null : c.queue().value(), c.channel().name(), c.language().code(),
              c.lastAt(ContactState.CONNECTED).orElse(null)))));
    }
    return new Items<>(live);
  }

  @Post("/conversations/{contactId}/session")
  @Operation(summary = "Start monitoring (or change mode): SILENT, WHISPER or BARGE; audited; the operator is told."
      + " On a phone call the supervisor's own phone rings and joins the call in that mode (409 no_call when the"
      + " call's carrier cannot monitor)")
  Session start(@PathVariable String contactId, @Body ModeBody body, Authentication who, HttpRequest<?> request) {
    Contact contact = live(contactId);
    Mode mode = mode(body == null ? null : body.mode());
    access.viewContact(who, request, contact, "monitoring-" + mode.name().toLowerCase(java.util.Locale.ROOT));
    if (contact.channel() == Channel.VOICE) {
      voice.monitor(contact.id(), who.getName(), switch (mode) {
        case SILENT -> CallMonitoring.Mode.LISTEN;
        case WHISPER -> CallMonitoring.Mode.WHISPER;
        case BARGE -> CallMonitoring.Mode.BARGE;
      });
    }
    Session session = sessions.start(contact.id(), who.getName(), contact.agent().value(), mode);
    tell(contact, who, mode.name(), true);
    return session;
  }

  @Delete("/conversations/{contactId}/session")
  @Operation(summary = "Stop monitoring the conversation")
  HttpResponse<?> stop(@PathVariable String contactId, Authentication who) {
    ContactId id = new ContactId(contactId);
    if (!sessions.end(id, who.getName())) {
      throw new NotFoundException("monitoring session", contactId);
    }
    voice.stop(id, who.getName());
    routing.contact(id).filter(c -> c.agent() != null)
        .ifPresent(c -> tell(c, who, null, !sessions.active(id).isEmpty()));
    return HttpResponse.noContent();
  }

  @Post("/conversations/{contactId}/whisper")
  @Operation(summary = "A note only the operator sees (needs a WHISPER or BARGE session)")
  JdbcContactNotes.Note whisper(@PathVariable String contactId, @Body TextBody body, Authentication who) {
    Contact contact = live(contactId);
    requireMode(contact, who, Mode.WHISPER, Mode.BARGE);
    JdbcContactNotes.Note note = notes.add(contact.id(), JdbcContactNotes.Kind.WHISPER, who.getName(),
        body == null ? null : body.body());
    sockets.notify(contact.agent().value(), "note", clock.instant().toString(), "contactId", contactId, "kind", "WHISPER");
    return note;
  }

  @Post("/conversations/{contactId}/messages")
  @Operation(summary = "Barge in: write to the citizen as the supervisor (needs a BARGE session)")
  SentView barge(@PathVariable String contactId, @Body TextBody body, Authentication who) {
    Contact contact = live(contactId);
    requireMode(contact, who, Mode.BARGE);
    InvalidInputException.require(body, "body");
    Message sent = replies.send(new SendReplyCommand(contact.id(), who.getName(), body.body(), List.of()));
    return new SentView(sent.id().value(), contactId, who.getName(), sent.status().name());
  }

  @Get("/conversations/{contactId}/sessions")
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Open monitoring sessions on a contact (its operator may ask: the console's mark)")
  Items<Session> active(@PathVariable String contactId, Authentication who) {
    ContactId id = new ContactId(contactId);
    if (!who.getRoles().contains("SUPERVISOR") && !who.getRoles().contains("ADMIN")) {
      Contact contact = routing.contact(id).orElseThrow(() -> new NotFoundException("contact", contactId));
      if (contact.agent() == null || !contact.agent().value().equals(who.getName())) {
        throw new HttpStatusException(HttpStatus.FORBIDDEN, "only the contact's operator may ask");
      }
    }
    return new Items<>(sessions.active(id));
  }

  @Get("/conversations/{contactId}/audit")
  @Operation(summary = "Every monitoring session on a contact, open or ended (the audit trail)")
  Items<Session> audit(@PathVariable String contactId) {
    return new Items<>(sessions.history(new ContactId(contactId)));
  }

  private Contact live(String contactId) {
    Contact contact = routing.contact(new ContactId(contactId))
        .orElseThrow(() -> new NotFoundException("live conversation", contactId));
    if (contact.state() != ContactState.CONNECTED || contact.agent() == null) {
      throw new org.onenumber.core.error.IllegalTransitionException("contact " + contactId, contact.state(), "monitored");
    }
    return contact;
  }

  private void requireMode(Contact contact, Authentication who, Mode... allowed) {
    Session open = sessions.open(contact.id(), who.getName())
        .orElseThrow(() -> new InvalidInputException("start a monitoring session first"));
    if (List.of(allowed).stream().noneMatch(m -> m.name().equals(open.mode()))) {
      throw new InvalidInputException("this needs a " + List.of(allowed) + " session, not " + open.mode());
    }
  }

  private void tell(Contact contact, Authentication who, String mode, boolean monitored) {
    sockets.notify(contact.agent().value(), "monitor", clock.instant().toString(), "contactId", contact.id().value(),
        "supervisor", who.getName(), "mode", mode, "monitored", monitored);
  }

  private static Mode mode(String text) {
    try {
      return Mode.valueOf(InvalidInputException.requireText(text, "mode"));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("mode must be SILENT, WHISPER or BARGE");
    }
  }
}
