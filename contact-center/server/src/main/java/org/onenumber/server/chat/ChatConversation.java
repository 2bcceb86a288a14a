package org.onenumber.server.chat;

import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.onenumber.core.Ids;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.messaging.DeliveryStatus;
import org.onenumber.core.messaging.Message;
import org.onenumber.core.messaging.MessageId;
import org.onenumber.core.port.in.ReceiveMessage;
import org.onenumber.core.port.in.ReceiveMessageCommand;
import org.onenumber.core.port.in.UpdateDeliveryStatus;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.chat.JdbcChatSessions.ChatSession;
import org.onenumber.server.persistence.GroupCommitLanes;

/**
 * What each chat frame does. The cases, by frame type:
 *
 * <ol>
 *   <li>{@code start}: a new session (random 256-bit token, fresh chat handle) in the chosen language.
 *   <li>{@code resume}: the session behind the token; every unacknowledged operator message is sent
 *       again, then the operator's name, or {@code ended} if the citizen left or that is where the
 *       contact is. Starting or resuming cancels the session's abandon timer ({@link ChatAbandonTimer}).
 *   <li>{@code message}: stored through {@link ReceiveMessage} (the first opens a chat contact), then
 *       acknowledged with the server's id; a re-sent clientId is acknowledged without a new message.
 *       Refused once the citizen has left (it would open a new contact nobody is there for).
 *   <li>{@code leave}: the citizen leaves ({@link LeaveChat}), answered with {@code ended}; again is harmless.
 *   <li>{@code ack}: the operator message is {@code DELIVERED}.
 *   <li>{@code typing}: remembered for the operator's console.
 *   <li>{@code survey}: stored with the contact.
 *   <li>Anything else, or a frame before {@code start}/{@code resume}: invalid input.
 * </ol>
 *
 * A session's row is written in the inbound messages' group commit ({@link GroupCommitLanes}, the
 * lane of its chat handle): {@code start}'s row in the next batch, a first message's contact in the
 * same transaction as the message. Each used to autocommit on a connection of the shared pool of its
 * own, and at New York's peak the chat lane's frames waited for that pool (issue 17, session 16).
 * The session itself is kept with its sockets ({@link LiveChatSessions}: no read per frame), and the
 * chat's other reads and small writes run on the chat's own connections ({@link ChatConnections});
 * {@code leave}'s end of the session is written in the group commit, and {@code ended} is sent after
 * that commit (session 17).
 *
 * <p>Citizen text is stored as plain text with control characters removed; it is never turned into
 * HTML (both pages render it with {@code textContent}). Thread-safe.
 */
@Singleton
final class ChatConversation {

  private static final String SESSION = "onenumber.chat";
  private static final java.util.Set<String> LANGUAGES = java.util.Set.of("ko", "en", "zh", "ja", "vi", "mn");

  private final JdbcChatSessions sessions;
  private final JdbcSurveys surveys;
  private final ReceiveMessage receive;
  private final UpdateDeliveryStatus delivery;
  private final ContactJournal journal;
  private final ChatHub hub;
  private final LeaveChat leave;
  private final ChatAbandonTimer abandonTimer;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final GroupCommitLanes commits;
  private final LiveChatSessions live;
  private final ChatConnections connections;

  ChatConversation(JdbcChatSessions sessions, JdbcSurveys surveys, ReceiveMessage receive,
      UpdateDeliveryStatus delivery, ContactJournal journal, ChatHub hub, LeaveChat leave, ChatAbandonTimer abandonTimer,
      InstantSource clock, RandomGenerator random, @Named("inbound-messages") GroupCommitLanes commits,
      LiveChatSessions live, ChatConnections connections) {
    this.commits = commits;
    this.live = live;
    this.connections = connections;
    this.sessions = sessions;
    this.surveys = surveys;
    this.receive = receive;
    this.delivery = delivery;
    this.journal = journal;
    this.hub = hub;
    this.leave = leave;
    this.abandonTimer = abandonTimer;
    this.clock = clock;
    this.random = random;
  }

  void handle(Map<String, Object> frame, WebSocketSession socket) {
    String type = text(frame, "type");
    switch (type) {
      case "start" -> start(frame, socket);
      case "resume" -> resume(text(frame, "token"), socket);
      case "message" -> message(frame, session(socket), socket);
      case "ack" -> connections.execute(() -> delivery.byId(new MessageId(text(frame, "id")), DeliveryStatus.DELIVERED));
      case "typing" -> {
        ChatSession s = session(socket);
        if (s.contact() != null) {
          hub.citizenTyping(s.contact());
        }
      }
      case "survey" -> survey(frame, session(socket), socket);
      case "leave" -> {
        ChatSession s = session(socket);
        leave.leave(s);
        live.update(s.token(), ChatSession::asEnded);
        hub.send(socket, Map.of("type", "ended"));
      }
      default -> throw new InvalidInputException("unknown frame type '" + type + "'");
    }
  }

  private void start(Map<String, Object> frame, WebSocketSession socket) {
    String code = String.valueOf(frame.getOrDefault("language", "ko"));
    Language language = Language.of(LANGUAGES.contains(code) ? code : "en");
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    ChatSession session = new ChatSession(Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
        "web-" + Ids.timeOrdered(clock.instant(), random), language, null, false);
    commits.run(session.handle(), () -> {
      sessions.create(session, clock.instant());
      return null;
    });
    attach(session, socket);
  }

  private void resume(String token, WebSocketSession socket) {
    ChatSession session = connections.run(() -> sessions.find(token))
        .orElseThrow(() -> new NotFoundException("chat session", "(token)"));
    attach(session, socket);
    Contact contact = session.contact() == null ? null
        : connections.run(() -> journal.find(session.contact())).orElse(null);
    if (session.contact() != null) {
      connections.execute(() -> hub.resend(session.contact(), socket));
    }
    if (session.ended() || contact != null && (contact.state().isTerminal() || contact.state() == ContactState.WRAP_UP)) {
      hub.send(socket, Map.of("type", "ended"));
    } else if (contact != null && contact.state() == ContactState.CONNECTED && contact.agent() != null) {
      hub.send(socket, Map.of("type", "agent", "name", hub.authorName(contact.agent().value())));
    }
  }

  /** The token of the session on this socket, if it sent {@code start} or {@code resume}. */
  static java.util.Optional<String> token(WebSocketSession socket) {
    return socket.get(SESSION, String.class);
  }

  private void attach(ChatSession session, WebSocketSession socket) {
    token(socket).ifPresent(live::detach); // a second start or resume on one socket
    live.attach(session);
    socket.put(SESSION, session.token());
    abandonTimer.connected(session.token());
    if (session.contact() != null) {
      hub.connect(session.contact(), socket);
    }
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "session");
    frame.put("token", session.token());
    frame.put("language", session.language().code());
    frame.put("contactId", session.contact() == null ? null : session.contact().value());
    hub.send(socket, frame);
  }

  private void message(Map<String, Object> frame, ChatSession session, WebSocketSession socket) {
    if (session.ended()) {
      throw new IllegalTransitionException("chat session", "ended", "message");
    }
    String clientId = text(frame, "clientId");
    if (clientId.length() > 64) {
      throw new InvalidInputException("clientId is longer than 64 characters");
    }
    String body = PlainText.clean(text(frame, "body"));
    var identity = new CitizenIdentity.ChatHandle(session.handle());
    var command = new ReceiveMessageCommand(Channel.CHAT, identity, session.handle(), body, null,
        "chat:" + session.handle() + ":" + clientId, session.language());
    // the lane ReceiveMessage takes (the sender's identity); the message's own run joins this transaction
    ReceiveMessage.Outcome outcome = commits.run(identity.value(), () -> {
      ReceiveMessage.Outcome received = receive.receive(command);
      ContactId opened = received.message().contact();
      if (opened != null && !opened.equals(session.contact())) {
        sessions.attach(session.token(), opened);
      }
      return received;
    });
    Message stored = outcome.message();
    ContactId contact = stored.contact();
    if (contact != null && !contact.equals(session.contact())) {
      live.update(session.token(), s -> s.withContact(contact));
      hub.connect(contact, socket);
    }
    Map<String, Object> ack = new LinkedHashMap<>();
    ack.put("type", "ack");
    ack.put("clientId", clientId);
    ack.put("id", stored.id().value());
    ack.put("contactId", contact == null ? null : contact.value());
    ack.put("at", stored.at().toString());
    hub.send(socket, ack);
  }

  private void survey(Map<String, Object> frame, ChatSession session, WebSocketSession socket) {
    if (session.contact() == null) {
      throw new InvalidInputException("there is no conversation to rate yet");
    }
    Object satisfaction = frame.get("satisfaction");
    if (!(satisfaction instanceof Number n)) {
      throw new InvalidInputException("satisfaction must be a number 1..5");
    }
    var survey = new JdbcSurveys.Survey(session.contact(), n.intValue(), Boolean.TRUE.equals(frame.get("resolved")),
        clock.instant());
    connections.execute(() -> surveys.save(survey));
    hub.send(socket, Map.of("type", "survey-saved"));
  }

  /** The socket's session as kept with its sockets; read only if this node lost it (it should not). */
  private ChatSession session(WebSocketSession socket) {
    String token = socket.get(SESSION, String.class)
        .orElseThrow(() -> new InvalidInputException("send start or resume first"));
    return live.find(token).or(() -> connections.run(() -> sessions.find(token)))
        .orElseThrow(() -> new NotFoundException("chat session", "(token)"));
  }

  private static String text(Map<String, Object> frame, String field) {
    Object value = frame.get(field);
    return InvalidInputException.requireText(value == null ? null : value.toString(), field);
  }
}
