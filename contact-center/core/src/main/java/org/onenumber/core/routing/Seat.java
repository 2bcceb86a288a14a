package org.onenumber.core.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.function.Function;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.Skill;
import org.onenumber.core.directory.SkillLevel;

/**
 * The engine's mutable record of one logged-in agent: load, offer, idle time. Fields that order
 * the agent index change only while the seat is out of it ({@link AgentIndex#withdraw}).
 * Not thread-safe: owned by the engine's thread.
 */
final class Seat {

  Agent agent;
  final Set<QueueId> queues;
  String breakReason;
  boolean notResponding;
  Entry offer;
  /** The held call this agent is being consulted about (reserved: no offers until it ends). */
  Entry consulted;
  int exclusive;
  int messaging;
  int wrapping;
  Instant idleSince;
  int contactsToday;
  long lastOfferSeq;
  AgentState published = AgentState.OFFLINE;
  final Set<Entry> held = new LinkedHashSet<>();
  final List<NavigableSet<Seat>> memberships = new ArrayList<>();

  private final Map<Skill, Integer> levels = new HashMap<>();

  Seat(Agent agent, Set<QueueId> queues, Instant now) {
    this.agent = agent;
    this.queues = Set.copyOf(queues);
    this.idleSince = now;
    agent.skills().forEach(s -> levels.put(s.skill(), s.level()));
  }

  /** True when the agent has every skill in {@code required} at or above its level. */
  boolean meets(Set<SkillLevel> required) {
    for (SkillLevel r : required) {
      if (levels.getOrDefault(r.skill(), 0) < r.level()) {
        return false;
      }
    }
    return true;
  }

  /** Policy case 1, the agent's half: presence and capacity for a contact of {@code kind} in {@code queue}. */
  boolean canTake(Kind kind, QueueConfig queue) {
    if (breakReason != null || notResponding || offer != null || consulted != null) {
      return false;
    }
    if (kind == Kind.EXCLUSIVE) {
      return exclusive == 0 && messaging == 0;
    }
    return (exclusive == 0 || queue.messagingDuringVoice()) && messaging < agent.capacity().maxMessaging();
  }

  /** Visits every (queue, capacity kind, language) in which the agent could take a contact now. */
  interface Opening {
    void visit(QueueId queue, QueueConfig config, Kind kind, Language language);
  }

  /** Policy case 1's presence, capacity and language, walked once for both indexes. */
  void openings(Function<QueueId, QueueConfig> configs, Opening visitor) {
    for (QueueId queue : queues) {
      QueueConfig config = configs.apply(queue);
      if (config == null) {
        continue;
      }
      for (Kind kind : Kind.values()) {
        if (canTake(kind, config)) {
          for (Language language : agent.languages()) {
            visitor.visit(queue, config, kind, language);
          }
        }
      }
    }
  }

  AgentState state() {
    if (offer != null) {
      return AgentState.RESERVED;
    }
    if (held.size() > wrapping || consulted != null) {
      return AgentState.BUSY;
    }
    if (wrapping > 0) {
      return AgentState.WRAP_UP;
    }
    if (breakReason != null) {
      return AgentState.BREAK;
    }
    return notResponding ? AgentState.NOT_RESPONDING : AgentState.AVAILABLE;
  }

  void hold(Entry entry, Instant now) {
    held.add(entry);
    if (entry.kind == Kind.EXCLUSIVE) {
      exclusive++;
    } else {
      messaging++;
    }
    contactsToday++;
  }

  void release(Entry entry, Instant now) {
    if (!held.remove(entry)) {
      return;
    }
    if (entry.kind == Kind.EXCLUSIVE) {
      exclusive--;
    } else {
      messaging--;
    }
    if (entry.place == Place.WRAP_UP) {
      wrapping--;
    }
    idleSince = now;
  }

  /** Sum of the agent's levels in {@code entry}'s required skills: the best-skill score. */
  int skillScore(Entry entry) {
    int score = 0;
    for (var required : entry.skills) {
      score += levels.getOrDefault(required.skill(), 0);
    }
    return score;
  }
}
