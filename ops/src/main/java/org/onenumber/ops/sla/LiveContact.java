package org.onenumber.ops.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;

/** What the live fold remembers about one contact. Mutable; owned by {@link LiveServiceLevels}. */
final class LiveContact {

  final CitizenId citizen;
  final Channel channel;
  final Language language;
  final Instant createdAt;
  ContactState state = ContactState.CREATED;
  Instant stateSince;
  QueueId queue;
  AgentId agent;
  Instant arrivedAt;
  long arrivalMinute;
  QueueId entryQueue;
  boolean waitEnded;
  boolean answered;
  AgentId answeringAgent;
  boolean everConnected;
  boolean overflowed;
  boolean transferred;
  boolean escalated;
  boolean repeated;
  boolean fcrCounted;
  /** Closed after having been connected: counted as handled and FCR-eligible. */
  boolean closedHandled;
  /** The latest category (the intake's guess, then the operator's disposition); null before one. */
  String category;

  LiveContact(CitizenId citizen, Channel channel, Language language, Instant createdAt) {
    this.citizen = citizen;
    this.channel = channel;
    this.language = language;
    this.createdAt = createdAt;
    this.stateSince = createdAt;
  }

  boolean arrived() {
    return arrivedAt != null;
  }

  /** Center, entry queue, channel and language: the scopes every figure of this contact counts in. */
  List<Scope> contactScopes() {
    List<Scope> scopes = new ArrayList<>(4);
    scopes.add(Scope.CENTER);
    if (entryQueue != null) {
      scopes.add(Scope.queue(entryQueue));
    }
    scopes.add(Scope.channel(channel));
    scopes.add(Scope.language(language));
    return scopes;
  }

  /** {@link #contactScopes} plus the answering agent once answered. */
  List<Scope> scopes() {
    List<Scope> scopes = contactScopes();
    if (answered && answeringAgent != null) {
      scopes.add(Scope.agent(answeringAgent));
    }
    return scopes;
  }
}
