package org.onenumber.server.routing;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.QueueStatus;
import org.onenumber.core.routing.WaitStatus;

/** The JSON shapes of the routing API (docs/api/agent-api.md), built from the engine's views. */
public final class RoutingViews {

  private RoutingViews() {}

  /**
   * An agent's routing state. {@code state} is the engine's derived state (RESERVED, BUSY and WRAP_UP
   * show load); {@code availability} is what the agent chose and the console's selector shows:
   * OFFLINE, AVAILABLE, BREAK or NOT_RESPONDING (a missed or declined offer, cleared by AVAILABLE).
   */
  @Serdeable
  public record AgentView(String agentId, String state, String availability, String breakReason,
      List<String> loggedInQueues, boolean voiceBusy, int messagingInUse, int maxMessaging, Instant idleSince,
      int contactsToday) {
    static AgentView of(AgentStatus s) {
      String availability = s.breakReason() != null ? AgentState.BREAK.name()
          : s.notResponding() ? AgentState.NOT_RESPONDING.name() : AgentState.AVAILABLE.name();
      return new AgentView(s.agent().value(), s.state().name(), availability, s.breakReason(),
          s.queues().stream().map(QueueId::value).sorted().toList(), s.exclusiveInUse() > 0, s.messagingInUse(),
          s.maxMessaging(), s.idleSince(), s.contactsToday());
    }

    static AgentView offline(String agentId) {
      return new AgentView(agentId, AgentState.OFFLINE.name(), AgentState.OFFLINE.name(), null, List.of(), false, 0,
          0, null, 0);
    }
  }

  /** An offer; its id is the contact's id (a contact has at most one offer at a time). */
  @Serdeable
  public record OfferView(String offerId, String contactId, String agentId, String queueId, String channel,
      String language, int priority, String topic, String citizenId, Instant offeredAt, Instant expiresAt,
      boolean callback) {
    static OfferView of(AgentStatus s) {
      Contact c = s.offer();
      return new OfferView(c.id().value(), c.id().value(), s.agent().value(), c.queue().value(), c.channel().name(),
          c.language().code(), c.priority(), c.topic(), c.citizen().value(), c.lastAt(ContactState.OFFERED).orElse(null),
          s.offerExpiresAt(), c.firstAt(ContactState.CALLBACK_REQUESTED).isPresent());
    }
  }

  /** A held contact; {@code wrapUpEndsAt} is the server's deadline while it is in wrap-up. */
  @Serdeable
  public record AssignmentView(String contactId, String queueId, String channel, String language, String state,
      Instant connectedAt, Instant wrapUpEndsAt) {
    static AssignmentView of(Contact c, Instant wrapUpEndsAt) {
      return new AssignmentView(c.id().value(), c.queue() == null ? null : c.queue().value(), c.channel().name(),
          c.language().code(), c.state().name(), c.lastAt(ContactState.CONNECTED).orElse(null), wrapUpEndsAt);
    }
  }

  /**
   * What the console polls and the socket's snapshot carries. {@code serverTime} lets the console
   * count down offers and wrap-ups against the server's clock, not its own.
   */
  @Serdeable
  public record WorkView(AgentView agent, List<OfferView> offers, List<AssignmentView> contacts, Instant serverTime) {
    static WorkView of(String agentId, AgentStatus s, Instant now) {
      if (s == null) {
        return new WorkView(AgentView.offline(agentId), List.of(), List.of(), now);
      }
      return new WorkView(AgentView.of(s), s.offer() == null ? List.of() : List.of(OfferView.of(s)),
          s.held().stream().map(c -> AssignmentView.of(c, s.wrapUpEndsAt().get(c.id()))).toList(), now);
    }
  }

  /** A contact after a command; {@code wrapUpEndsAt} when it is in wrap-up, with the server's time. */
  @Serdeable
  public record ContactStateView(String contactId, String state, String target, Instant wrapUpEndsAt,
      Instant serverTime) {}

  @Serdeable
  public record PositionView(String contactId, String queueId, int position, long ewtSeconds, long waitingSeconds) {
    static PositionView of(WaitStatus w) {
      return new PositionView(w.contact().value(), w.queue().value(), w.position(), w.estimatedWait().toSeconds(),
          w.waited().toSeconds());
    }
  }

  @Serdeable
  public record QueueStatusView(String queueId, int waiting, long oldestWaitingSeconds, int agentsLoggedIn,
      long ewtSeconds) {
    static QueueStatusView of(QueueStatus q) {
      return new QueueStatusView(q.queue().value(), q.waiting(), q.oldestWait().toSeconds(), q.agentsLoggedIn(),
          q.estimatedWait().toSeconds());
    }
  }
}
