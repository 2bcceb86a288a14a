package org.onenumber.channels.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;

/**
 * One browser call: the citizen's session (resume token, caller key, the contact routing holds),
 * the connections of its parties ({@link CallParty}: citizen, operator, at most one guest) and the
 * host's pending invitation of a guest. Thread-safe: every method locks the call, so a frame
 * relayed from one party and a disconnect of another never interleave.
 */
final class Call {

  /** Texts the citizen wrote before an operator joined, kept for the operator (at most this many). */
  private static final int MAX_WAITING_TEXTS = 20;

  private final String token;
  private final String caller;
  private final ContactId contact;
  private final CallMode mode;
  private final List<String> waitingTexts = new ArrayList<>();
  private final Map<CallParty, CallPeer> parties = new EnumMap<>(CallParty.class);
  private AgentId agent;
  private Invitation invitation;
  private String guestName;
  /**
   * The guest the journal says is still in the call, though its socket is not seated here (this node rebuilt the
   * call; the guest's socket was on the node that lost or gave it up): it may join again without an invitation.
   */
  private String expectedGuest;
  private boolean ended;
  private boolean hungUp;
  /**
   * This node's claim to be the call's home ({@link CallClaims}; empty: not written yet; null: it could not be
   * written, the call is not fenced), and when it was last found to hold.
   */
  private String claim = "";
  private Instant claimChecked = Instant.MIN;

  /**
   * Who may join as the guest: one operator by id (named, or picked from an interpreter queue),
   * whoever brings the one-time link's token, or one signed-in staff member of a department.
   */
  record Invitation(AgentId agent, String linkToken, String department) {}

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

  synchronized void claimed(String claim, Instant at) {
    this.claim = claim;
    this.claimChecked = at;
  }

  synchronized String claim() {
    return claim;
  }

  synchronized void claimChecked(Instant at) {
    claimChecked = at;
  }

  synchronized boolean claimCheckedAfter(Instant at) {
    return claimChecked.isAfter(at);
  }

  synchronized boolean ended() {
    return ended;
  }

  /** Ends the call; false when it had ended already (so only one caller finishes it). */
  synchronized boolean end() {
    boolean was = ended;
    ended = true;
    return !was;
  }

  /**
   * Marks the call hung up by its citizen or host (its end handed to routing, not yet journaled);
   * false when it was already, so a second hang-up (a repeated frame, the grace timer) hands
   * nothing more.
   */
  synchronized boolean hangUp() {
    if (hungUp || ended) {
      return false;
    }
    hungUp = true;
    return true;
  }

  synchronized void citizen(CallPeer peer) {
    parties.put(CallParty.CITIZEN, peer);
  }

  synchronized void operator(CallPeer peer, AgentId who) {
    parties.put(CallParty.OPERATOR, peer);
    agent = who;
  }

  /** Attaches the guest; {@code name} is what the journal records (an agent id, or "link"). */
  synchronized void guest(CallPeer peer, String name) {
    parties.put(CallParty.GUEST, peer);
    guestName = name;
    invitation = null;
  }

  synchronized void expectGuest(String who) {
    expectedGuest = who;
  }

  /** The expected guest, no longer expected: someone else is seated as the guest, or the call ends here. */
  synchronized Optional<String> takeExpectedGuest() {
    Optional<String> who = Optional.ofNullable(expectedGuest);
    expectedGuest = null;
    return who;
  }

  /** Whether {@code who} is the expected guest (no longer expected then: it is seated again). */
  synchronized boolean takeExpectedGuest(String who) {
    boolean expected = who.equals(expectedGuest);
    if (expected) {
      expectedGuest = null;
    }
    return expected;
  }

  synchronized Optional<CallPeer> citizen() {
    return party(CallParty.CITIZEN);
  }

  synchronized Optional<CallPeer> operator() {
    return party(CallParty.OPERATOR);
  }

  synchronized Optional<CallPeer> party(CallParty party) {
    return Optional.ofNullable(parties.get(party));
  }

  synchronized Optional<AgentId> agent() {
    return Optional.ofNullable(agent);
  }

  synchronized String guestName() {
    return guestName;
  }

  synchronized void invite(Invitation next) {
    invitation = next;
  }

  synchronized Optional<Invitation> invitation() {
    return Optional.ofNullable(invitation);
  }

  /** The parties connected now, in the enum's order. */
  synchronized List<CallParty> present() {
    return List.copyOf(parties.keySet());
  }

  /** Which party {@code peer} is, if it is attached to this call. */
  synchronized Optional<CallParty> partyOf(CallPeer peer) {
    return parties.entrySet().stream().filter(e -> e.getValue().id().equals(peer.id())).map(Map.Entry::getKey)
        .findFirst();
  }

  /** Detaches {@code peer} if it is attached; returns the party it was. */
  synchronized Optional<CallParty> detach(CallPeer peer) {
    Optional<CallParty> party = partyOf(peer);
    party.ifPresent(parties::remove);
    return party;
  }

  /** Sends to {@code to}, if it is connected; returns whether it was. */
  synchronized boolean sendTo(CallParty to, Map<String, Object> frame) {
    CallPeer peer = parties.get(to);
    if (peer == null) {
      return false;
    }
    peer.send(frame);
    return true;
  }

  /** Sends to every connected party but {@code from}; returns whether anyone got it. */
  synchronized boolean toOthers(CallParty from, Map<String, Object> frame) {
    boolean sent = false;
    for (Map.Entry<CallParty, CallPeer> e : parties.entrySet()) {
      if (e.getKey() != from) {
        e.getValue().send(frame);
        sent = true;
      }
    }
    return sent;
  }

  /** Sends to every connected party. */
  synchronized void toAll(Map<String, Object> frame) {
    parties.values().forEach(p -> p.send(frame));
  }

  synchronized void keepWaitingText(String body) {
    if (waitingTexts.size() < MAX_WAITING_TEXTS) {
      waitingTexts.add(body);
    }
  }

  synchronized List<String> waitingTexts() {
    return List.copyOf(waitingTexts);
  }
}
