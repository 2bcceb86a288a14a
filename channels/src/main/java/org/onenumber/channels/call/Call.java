package org.onenumber.channels.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;

/**
 * One browser call: the citizen's session (resume token, caller key, the contact routing holds)
 * and the two connections currently attached to it. Thread-safe: every method locks the call, so
 * a frame relayed from one side and a disconnect of the other never interleave.
 */
final class Call {

  /** Texts the citizen wrote before an operator joined, kept for the operator (at most this many). */
  private static final int MAX_WAITING_TEXTS = 20;

  private final String token;
  private final String caller;
  private final ContactId contact;
  private final CallMode mode;
  private final List<String> waitingTexts = new ArrayList<>();
  private CallPeer citizen;
  private CallPeer operator;
  private AgentId agent;
  private boolean ended;

  Call(String token, String caller, ContactId contact, CallMode mode) {
    this.token = token;
    this.caller = caller;
    this.contact = contact;
    this.mode = mode;
  }

  String token() {
    return token;
  }

  String caller() {
    return caller;
  }

  ContactId contact() {
    return contact;
  }

  CallMode mode() {
    return mode;
  }

  synchronized boolean ended() {
    return ended;
  }

  synchronized void end() {
    ended = true;
  }

  synchronized void citizen(CallPeer peer) {
    citizen = peer;
  }

  synchronized void operator(CallPeer peer, AgentId who) {
    operator = peer;
    agent = who;
  }

  synchronized Optional<CallPeer> citizen() {
    return Optional.ofNullable(citizen);
  }

  synchronized Optional<CallPeer> operator() {
    return Optional.ofNullable(operator);
  }

  synchronized Optional<AgentId> agent() {
    return Optional.ofNullable(agent);
  }

  /** Which side {@code peer} is on, if it is attached to this call. */
  synchronized Optional<Side> sideOf(CallPeer peer) {
    if (citizen != null && citizen.id().equals(peer.id())) {
      return Optional.of(Side.CITIZEN);
    }
    if (operator != null && operator.id().equals(peer.id())) {
      return Optional.of(Side.OPERATOR);
    }
    return Optional.empty();
  }

  /** Detaches {@code peer} if it is attached; returns the side it was on. */
  synchronized Optional<Side> detach(CallPeer peer) {
    Optional<Side> side = sideOf(peer);
    side.ifPresent(s -> {
      if (s == Side.CITIZEN) {
        citizen = null;
      } else {
        operator = null;
      }
    });
    return side;
  }

  /** Sends to the other side of {@code from}, if it is connected; returns whether it was. */
  synchronized boolean toOther(Side from, Map<String, Object> frame) {
    CallPeer to = from == Side.CITIZEN ? operator : citizen;
    if (to == null) {
      return false;
    }
    to.send(frame);
    return true;
  }

  /** Sends to both sides that are connected. */
  synchronized void toBoth(Map<String, Object> frame) {
    if (citizen != null) {
      citizen.send(frame);
    }
    if (operator != null) {
      operator.send(frame);
    }
  }

  synchronized void keepWaitingText(String body) {
    if (waitingTexts.size() < MAX_WAITING_TEXTS) {
      waitingTexts.add(body);
    }
  }

  synchronized List<String> waitingTexts() {
    return List.copyOf(waitingTexts);
  }

  /** The two ends of a call. */
  enum Side {
    CITIZEN,
    OPERATOR
  }
}
