package org.onenumber.core.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;

/**
 * The engine's mutable record of one contact it routes. Fields that order the waiting index
 * ({@link #priority}, {@link #queuedAt}, {@link #seq}) change only while the entry is out of it.
 * Not thread-safe: owned by the engine's thread.
 */
final class Entry {

  final long seq;
  /** The contact's priority, raised to its queue's when it was transferred into that queue ({@link RoutingEngine}). */
  int priority;
  final Language language;
  Kind kind;
  Contact contact;
  Place place = Place.WAITING;
  /** Where the age counts from: first entering a queue (kept across transfers unless told). */
  Instant queuedAt;
  /** The primary queue first, then overflow queues added by steps. */
  final List<QueueId> targets = new ArrayList<>(2);
  Set<SkillLevel> skills;
  List<QueueStep> steps = List.of();
  int nextStep;
  long stepEpoch;
  Instant stepsOrigin;
  boolean callback;
  int callbackAttempts;
  Instant callbackNotBefore;
  AgentId preferred;
  Instant preferredUntil;
  final Set<AgentId> declinedBy = new HashSet<>(2);
  /** The agent it is offered or connected to; the queue it was offered through. */
  Seat seat;
  /** The agent reserved while this held call's agent consults them; null outside an agent consult. */
  Seat consultee;
  QueueId servingQueue;
  long offerSeq;
  Instant offeredAt;
  Instant expiresAt;
  Instant connectedAt;
  /** When the wrap-up ends and the contact closes by itself; null outside wrap-up. */
  Instant wrapUpEndsAt;
  String outcome;
  int lastPosition;
  long lastEwtSeconds = -1;
  /** The waiting-index sets that hold this entry now. */
  final List<java.util.NavigableSet<Entry>> memberships = new ArrayList<>(2);

  Entry(long seq, Contact contact, Instant queuedAt) {
    this.seq = seq;
    this.contact = contact;
    this.priority = contact.priority();
    this.language = contact.language();
    this.kind = Kind.of(contact.channel());
    this.queuedAt = queuedAt;
    this.skills = contact.requiredSkills();
  }

  QueueId primary() {
    return targets.get(0);
  }

  /** True while a sticky contact may go only to its preferred agent. */
  boolean stickyAt(Instant now) {
    return preferred != null && preferredUntil != null && now.isBefore(preferredUntil);
  }

  boolean heldBack(Instant now) {
    return callbackNotBefore != null && now.isBefore(callbackNotBefore);
  }
}
