package org.onenumber.channels.call;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.PermanentException;

/**
 * The third party of a call (the three-way relay: deaf caller, signing interpreter or operator,
 * hearing party). The cases:
 *
 * <ol>
 *   <li>The host operator's {@code invite} names a signed-in operator ({@code agent}; their
 *       console is told through {@link CallRouting#invite}, {@code unavailable} when they have
 *       none open), an interpreter {@code queue} (routing picks a free operator of it,
 *       {@link CallRouting#inviteFromQueue}, and {@code invited} names them; {@code unavailable}
 *       when none is free), a {@code department} (its staff signed in to the department portal
 *       are told, {@link CallRouting#inviteDepartment}; {@code unavailable} when none is), or asks
 *       for a one-time {@code link} (a random 256-bit token, answered in {@code invited}); a new
 *       invitation replaces a pending one; while a guest is in the call, {@code conflict}. Only
 *       the host invites.
 *   <li>The invited operator's {@code join}, the first {@code join} of a staff member of the
 *       invited department (the invitation is then used up), or a {@code guest} frame with the
 *       link's token (used once): the guest is answered {@code joined} (party {@code guest}, the
 *       parties present), the others {@code peer-joined}, the joining is journalled, and each new pair's offering
 *       end hears {@code ready} ({@link CallParty#offersTo}).
 *   <li>An operator who joins as the guest is on a break for routing meanwhile ({@link
 *       CallRouting#guestJoined}, if they were available), and available again when they leave.
 *   <li>The guest's {@code leave} or {@code hangup}, or its connection closing: the others hear
 *       {@code peer-left} (party {@code guest}) and keep their own connection; the leaving is
 *       journalled. There is no grace period for a guest: it is invited again.
 *   <li>A node that rebuilds the call (its home was lost, or gave it up) reads in the journal who joined as the
 *       guest since the contact was last connected and has not left ({@link CallPartyJournal#stillIn}): that
 *       operator or staff member is <em>expected</em>. When their console or page, told {@code rehomed} with
 *       {@code reconnect: true} by the node that gave the call up, {@code join}s again, they are seated as the
 *       guest with no invitation, no journal step and no change in routing (they never left): {@code joined}
 *       (party {@code guest}), and each of their pairs' offering end hears {@code ready}. Anyone else is
 *       {@code forbidden} as before. The link's hearing party cannot be told apart from anyone else (the journal
 *       names it {@code link}; the page ends on {@code rehomed} with {@code reconnect}); it is invited again.
 *       An expected guest who has not come back when another guest is seated, or when the call ends or goes
 *       back to the line here, has left: the leaving is journalled then (and an operator is available again).
 * </ol>
 *
 * Thread-safe (the call locks itself; the link tokens are a concurrent map).
 */
final class CallGuests {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final System.Logger LOG = System.getLogger(CallGuests.class.getName());

  private final Map<String, Call> byLink = new ConcurrentHashMap<>();
  private final Map<String, Call> byPeer;
  private final CallRouting routing;
  private final CallPartyJournal journal;
  private final CallSignalling.Settings settings;
  private final InstantSource clock;
  private final Supplier<String> tokens;
  /** Whether this node is still a call's home (else it gives the call up: {@link CallFence}). */
  private final Predicate<Call> home;

  CallGuests(Map<String, Call> byPeer, CallRouting routing, CallPartyJournal journal, CallSignalling.Settings settings,
      InstantSource clock, Supplier<String> tokens, Predicate<Call> home) {
    this.home = home;
    this.byPeer = byPeer;
    this.routing = routing;
    this.journal = journal;
    this.settings = settings;
    this.clock = clock;
    this.tokens = tokens;
  }

  /**
   * Case 5: {@code call} was rebuilt on this node from the journal ({@code contact}): the guest still in it by
   * the journal is expected back. A failed read expects nobody (logged): that guest is invited again.
   */
  void rebuilt(Call call, Contact contact) {
    Optional<Instant> connected = contact.lastAt(ContactState.CONNECTED);
    if (connected.isEmpty()) {
      return;
    }
    try {
      journal.stillIn(call.contact(), CallParty.GUEST, connected.get()).ifPresent(call::expectGuest);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "call " + call.contact().value() + ": its guest could not be read; the"
          + " guest is invited again", e);
    }
  }

  /** Case 1. */
  void invite(Map<String, Object> frame, Call call, CallPeer peer) {
    if (call.partyOf(peer).orElseThrow() != CallParty.OPERATOR) {
      throw CallSignalling.forbidden("only the operator who has the call invites a third party");
    }
    if (call.party(CallParty.GUEST).isPresent()) {
      throw new PermanentException("conflict", "a third party is already in the call; they must leave first");
    }
    Map<String, Object> invited = CallSignalling.frame("invited", call);
    AgentId host = call.agent().orElseThrow();
    if (frame.get("agent") instanceof String a && NAME.matcher(a).matches()) {
      AgentId guest = new AgentId(a);
      if (host.equals(guest)) {
        throw new InvalidInputException("invite another operator, not yourself");
      }
      if (!routing.invite(guest, call.contact(), host)) {
        throw new PermanentException("unavailable", "that operator has no console open");
      }
      replace(call, new Call.Invitation(guest, null, null));
      invited.put("agent", guest.value());
    } else if (frame.get("queue") instanceof String q && NAME.matcher(q).matches()) {
      AgentId guest = routing.inviteFromQueue(new QueueId(q), call.contact(), host, this::guestElsewhere)
          .orElseThrow(() -> new PermanentException("unavailable", "no operator of that queue is signed in and free"));
      replace(call, new Call.Invitation(guest, null, null));
      invited.put("queue", q);
      invited.put("agent", guest.value());
    } else if (frame.get("department") instanceof String d && NAME.matcher(d).matches()) {
      if (!routing.inviteDepartment(d, call.contact(), host)) {
        throw new PermanentException("unavailable", "no staff of that department has the department portal open");
      }
      replace(call, new Call.Invitation(null, null, d));
      invited.put("department", d);
    } else if (Boolean.TRUE.equals(frame.get("link"))) {
      String token = tokens.get();
      replace(call, new Call.Invitation(null, token, null));
      byLink.put(token, call);
      invited.put("link", token);
    } else {
      throw new InvalidInputException("name the operator (agent), the interpreter queue (queue) or the department"
          + " (department) to invite, or ask for a link (link: true)");
    }
    peer.send(invited);
  }

  private void replace(Call call, Call.Invitation next) {
    call.invitation().map(Call.Invitation::linkToken).ifPresent(byLink::remove);
    call.invite(next);
  }

  /**
   * Cases 2 and 5: {@code who}, signed in (an operator; a staff member of {@code staffOf}) and not the call's host,
   * joins as the guest: the expected guest again, an invited operator, or the first staff member of an invited
   * department; anyone else, or a connection already {@code seated} in the call, is refused.
   */
  void join(Call call, CallPeer peer, AgentId who, String staffOf, boolean seated) {
    if (!seated && !CallPartyJournal.LINK.equals(who.value()) && call.party(CallParty.GUEST).isEmpty()
        && call.takeExpectedGuest(who.value())) {
      seatAgain(call, peer, who.value());
    } else if (staffOf != null) {
      if (seated || !invitedStaff(call, staffOf)) {
        throw CallSignalling.forbidden("this call does not invite your department, or someone already joined");
      }
      joinAsStaff(call, peer, who.value());
    } else if (invited(call, who)) {
      joinAsOperator(call, peer, who);
    } else {
      throw CallSignalling.forbidden("this call is not connected to you");
    }
  }

  /** Case 2: whether {@code agent}, who does not have the call, was invited to it. */
  private boolean invited(Call call, AgentId agent) {
    return call.invitation().map(i -> agent.equals(i.agent())).orElse(false) && call.party(CallParty.GUEST).isEmpty();
  }

  /** Whether {@code agent} is invited into, or a guest in, any call now (not to be picked from a queue again). */
  private boolean guestElsewhere(AgentId agent) {
    return byPeer.values().stream().distinct().anyMatch(c -> invited(c, agent)
        || c.party(CallParty.GUEST).isPresent() && agent.value().equals(c.guestName()));
  }

  /** Case 2: whether a staff member of {@code department} may join (the call invites it and has no guest). */
  private boolean invitedStaff(Call call, String department) {
    return call.invitation().map(i -> department.equals(i.department())).orElse(false)
        && call.party(CallParty.GUEST).isEmpty();
  }

  /** Case 2: one staff member of the invited department joins; the invitation is used up. */
  private void joinAsStaff(Call call, CallPeer peer, String staff) {
    replace(call, null);
    attach(call, peer, staff);
  }

  /** Case 2: the invited operator joins. */
  private void joinAsOperator(Call call, CallPeer peer, AgentId agent) {
    attach(call, peer, agent.value());
    routing.guestJoined(agent);
  }

  /** Case 2: a hearing party with the link's token. */
  void joinByLink(Map<String, Object> frame, CallPeer peer) {
    if (byPeer.containsKey(peer.id())) {
      throw new PermanentException("call_in_progress", "this connection already has a call");
    }
    Call call = Optional.ofNullable(frame.get("token")).map(String::valueOf).map(byLink::remove)
        .orElseThrow(() -> new NotFoundException("invitation", "(link)"));
    if (call.ended() || call.party(CallParty.GUEST).isPresent() || !home.test(call)) {
      throw new NotFoundException("invitation", "(link)");
    }
    attach(call, peer, CallPartyJournal.LINK);
  }

  private void attach(Call call, CallPeer peer, String who) {
    expectedLeft(call);
    call.guest(peer, who);
    byPeer.put(peer.id(), call);
    peer.send(joined(call, who));
    journal.joined(call.contact(), CallParty.GUEST, who);
    Map<String, Object> peerJoined = CallSignalling.frame("peer-joined", call);
    peerJoined.put("party", CallParty.GUEST.code());
    call.toOthers(CallParty.GUEST, peerJoined);
    CallSignalling.arrived(call, CallParty.GUEST);
  }

  /** Case 5: the expected guest's new connection is seated: no journal step and no routing change (it never left). */
  private void seatAgain(Call call, CallPeer peer, String who) {
    call.guest(peer, who);
    byPeer.put(peer.id(), call);
    peer.send(joined(call, who));
    CallSignalling.arrived(call, CallParty.GUEST);
  }

  /** What the guest hears when it is seated: its party, the parties present, the ICE servers. */
  private Map<String, Object> joined(Call call, String who) {
    Map<String, Object> joined = CallSignalling.frame("joined", call);
    joined.put("party", CallParty.GUEST.code());
    joined.put("mode", call.mode().code());
    joined.put("parties", call.present().stream().map(CallParty::code).toList());
    joined.put("iceServers", settings.iceServers().forUser(who, clock.instant()));
    joined.put("iceTransportPolicy", settings.iceTransportPolicy());
    return joined;
  }

  /**
   * The guest's socket, seated in the call before it moved to this node (its home was lost), is seated again:
   * no journal step (it never left) and no invitation needed; the others' pairs with it renegotiate.
   */
  void rejoin(Call call, CallPeer peer, String who) {
    call.takeExpectedGuest(who);
    call.guest(peer, who);
    byPeer.put(peer.id(), call);
  }

  /** Case 3: {@code peer} (the guest) leaves; {@code tell} whether it hears {@code ended} itself. */
  void leave(Call call, CallPeer peer, boolean tell) {
    byPeer.remove(peer.id(), call);
    if (call.detach(peer).isEmpty()) {
      return;
    }
    if (tell) {
      peer.send(CallSignalling.frame("ended", call));
    }
    journal.left(call.contact(), CallParty.GUEST, call.guestName());
    routing.guestLeft(call.guestName());
    Map<String, Object> left = CallSignalling.frame("peer-left", call);
    left.put("party", CallParty.GUEST.code());
    call.toOthers(CallParty.GUEST, left);
  }

  /** This node gave the call up (another node took it over): its link dies, nothing is journalled. */
  void forget(Call call) {
    replace(call, null);
  }

  /**
   * The call ended or went back to the line: the guest hears {@code ended}, the link dies, an expected guest who
   * did not come back has left.
   */
  void dismiss(Call call) {
    replace(call, null);
    call.party(CallParty.GUEST).ifPresent(guest -> leave(call, guest, true));
    expectedLeft(call);
  }

  /** Case 5: the expected guest did not come back (another is seated, or the call is over here): it has left. */
  private void expectedLeft(Call call) {
    call.takeExpectedGuest().ifPresent(who -> {
      journal.left(call.contact(), CallParty.GUEST, who);
      routing.guestLeft(who);
    });
  }
}
