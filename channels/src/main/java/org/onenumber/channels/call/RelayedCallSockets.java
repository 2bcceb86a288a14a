package org.onenumber.channels.call;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.ContactJournal;

/**
 * This node's call sockets whose call lives on another node (issue 11): their frames are relayed to its home
 * ({@link CallsElsewhere}), they follow the call when another node rebuilds it (the {@code rehomed} notice:
 * {@code rejoin}), and this node takes the call over when its home leaves the cluster. The cases:
 *
 * <ol>
 *   <li>A frame about a call (it names its {@code contactId}) from a socket with no call here, for a call not
 *       here, is handed to the home ({@link #relayed}). A host's {@code join} that finds no home ({@code
 *       forbidden}) or no answer in time ({@code unavailable}) is refused, and the socket remembered: it follows
 *       the call when a node rebuilds it. A socket the home seats as the guest is remembered as such ({@link
 *       GuestWatch}); an operator the home refused is not.
 *   <li>Another node rebuilt a call ({@link #rehomedElsewhere}): the host's and the guest's sockets here follow
 *       it there ({@code rejoin}).
 *   <li>This node rebuilt a call a citizen resumed here ({@link #rejoinHere}): its host's and guest's sockets
 *       here join it again.
 *   <li>The home left the cluster ({@link #homeLost}): a node with the citizen's socket rebuilds the call at
 *       once; a node with the host's socket after {@link #HOME_LOST_WAIT}, unless another node answers as the
 *       home or its {@code rehomed} notice came; a node with only the guest's socket rebuilds nothing and waits
 *       for the notice. The rebuilt call adopts this node's sockets ({@link #takeOver}). A node cut off from
 *       most of the cluster ({@link CallsElsewhere#cutOff}: woken from a freeze, the small side of a split)
 *       takes nothing over while it stays so: the home it cannot reach may be alive; its sockets relay to it
 *       again once merged.
 * </ol>
 *
 * The calls held here ({@link CallsHere}) stay in {@link CallSignalling}. Thread-safe (concurrent maps; a call
 * locks itself).
 */
final class RelayedCallSockets {

  /**
   * How long a node whose only parties of a call are operators waits, after the call's home left the cluster,
   * before it rebuilds the call itself: a node with the citizen's socket rebuilds at once, and then answers.
   */
  static final Duration HOME_LOST_WAIT = Duration.ofSeconds(2);
  /** How often a node cut off from the cluster asks again whether to take a lost home's call over (a minute). */
  static final int CUT_OFF_TRIES = 30;
  private static final System.Logger LOG = System.getLogger(RelayedCallSockets.class.getName());
  /** The frames about one call (they name its {@code contactId}): relayed to its home when it is on another node. */
  private static final Set<String> ABOUT_A_CALL =
      Set.of("join", "offer", "answer", "candidate", "text", "hangup", "quality", "invite", "leave");

  /** What the calls held on this node offer the relayed sockets (implemented by {@link CallSignalling}). */
  interface CallsHere {

    /** The call held here for {@code contact}, if any. */
    Optional<Call> held(ContactId contact);

    /** Whether the socket {@code peerId} is a party of a call held here. */
    boolean seated(String peerId);

    /** Rebuilds a call from its token and the journal and holds it here (ended when the contact is). */
    Call rebuild(String token, CallTokens.Claims claims);

    /** Seats {@code peer} as the citizen, the host ({@code agent}) or the guest ({@code who}) of {@code call}. */
    void seatCitizen(Call call, CallPeer peer);

    void seatHost(Call call, CallPeer peer, AgentId agent);

    void seatGuest(Call call, CallPeer peer, String who);

    /** The citizen is not here: the citizen's grace period runs (a resume on any node reaches this home). */
    void citizenAway(Call call);

    /** Ends {@code call} here (every party hears {@code ended}). */
    void finish(Call call);
  }

  /** A socket of this node whose frames went to the home of {@code contact} elsewhere; who signed in on it. */
  private record Relayed(ContactId contact, CallPeer peer, Optional<AgentId> signedIn) {}

  /** A relayed socket as its home elsewhere answers it: notes when the home seats it as the guest, or ends it. */
  private record GuestWatch(CallPeer peer, Set<String> guests) implements CallPeer {

    @Override
    public String id() {
      return peer.id();
    }

    @Override
    public void send(Map<String, Object> frame) {
      if ("joined".equals(frame.get("type")) && CallParty.GUEST.code().equals(frame.get("party"))) {
        guests.add(peer.id());
      } else if ("ended".equals(frame.get("type"))) {
        guests.remove(peer.id());
      }
      peer.send(frame);
    }
  }

  /** This node's sockets whose frames went to a call on another node, by id: the last such call. */
  private final Map<String, Relayed> relayedFor = new ConcurrentHashMap<>();
  /** Calls another node rebuilt (its rehomed notice came) while this node's host socket relayed to them. */
  private final Set<ContactId> followed = ConcurrentHashMap.newKeySet();
  /**
   * This node's sockets that a home elsewhere seated as its call's guest (its {@code joined} frame with party
   * {@code guest} came back through the relay), by id: they follow the call when it moves.
   */
  private final Set<String> guests = ConcurrentHashMap.newKeySet();
  private final CallsHere here;
  private final CallsElsewhere elsewhere;
  private final ContactJournal journal;
  private final CallTokens tokens;
  private final CallTimers timers;

  RelayedCallSockets(CallsHere here, CallsElsewhere elsewhere, ContactJournal journal, CallTokens tokens,
      CallTimers timers) {
    this.here = here;
    this.elsewhere = elsewhere;
    this.journal = journal;
    this.tokens = tokens;
    this.timers = timers;
  }

  /** Starts listening to the other nodes (last in the owner's constructor: listeners may run at once). */
  void listen() {
    elsewhere.onRehomed(this::rehomedElsewhere);
    elsewhere.onHomeLost(this::homeLost);
  }

  /** Case 1: {@code frame} from {@code socket} handed to its call's home elsewhere; false when here or nowhere. */
  boolean relayed(Map<String, Object> frame, CallPeer socket, Optional<AgentId> signedIn, Optional<String> staffOf) {
    CallPeer peer = socket instanceof GuestWatch ? socket : new GuestWatch(socket, guests);
    if (!ABOUT_A_CALL.contains(String.valueOf(frame.get("type"))) || here.seated(peer.id())
        || !(frame.get("contactId") instanceof String id) || id.isBlank() || id.length() > 64
        || here.held(new ContactId(id)).isPresent()) {
      return false;
    }
    boolean hostJoin = elsewhere != CallsElsewhere.NONE && "join".equals(frame.get("type")) && signedIn.isPresent()
        && staffOf.isEmpty();
    boolean relayed;
    try {
      relayed = elsewhere.relay(new ContactId(id), frame, peer, signedIn, staffOf);
    } catch (RetriableException e) {
      if (hostJoin) {
        relayedFor.put(peer.id(), new Relayed(new ContactId(id), peer, signedIn)); // the home may be dead
      }
      throw e;
    }
    if (relayed || hostJoin) {
      relayedFor.put(peer.id(), new Relayed(new ContactId(id), peer, signedIn)); // a host waits for a rebuild
    }
    return relayed;
  }

  /** The citizen's {@code resume} on {@code peer} was handed to the home of {@code contact} elsewhere. */
  void citizenRelayed(ContactId contact, CallPeer peer) {
    relayedFor.put(peer.id(), new Relayed(contact, peer, Optional.empty()));
  }

  /**
   * {@code peer} closed: true when it only relayed (its close was handed to the home elsewhere); false when the
   * calls here handle it.
   */
  boolean closed(CallPeer peer) {
    guests.remove(peer.id());
    Relayed relayed = relayedFor.remove(peer.id());
    if (relayed != null) {
      followed.remove(relayed.contact());
    }
    if (relayed != null && !here.seated(peer.id())) {
      elsewhere.closed(relayed.contact(), peer);
      return true;
    }
    if (relayed != null) {
      elsewhere.forget(peer); // it relayed once, then joined a call here
    }
    return false;
  }

  /** Case 3: this node's host and guest sockets joined to {@code call} while its home was elsewhere join it here. */
  void rejoinHere(Call call) {
    for (Relayed relayed : List.copyOf(relayedFor.values())) {
      if (relayed.contact().equals(call.contact()) && relayed.signedIn().isPresent()
          && relayedFor.remove(relayed.peer().id(), relayed)) {
        elsewhere.forget(relayed.peer());
        try {
          if (guests.contains(relayed.peer().id())) {
            rejoinAsGuest(call, relayed.peer(), relayed.signedIn().get());
          } else {
            rejoinAsHost(call, relayed.peer(), relayed.signedIn().get());
          }
        } catch (RuntimeException e) {
          relayed.peer().send(Map.of("type", "error", "error", "forbidden", "message", e.getMessage()));
        }
      }
    }
  }

  /**
   * The host's socket (here, or on another node), joined to {@code call} before it moved to this node, is
   * attached again: it hears {@code peer-back} (the citizen) and {@code ready}, and renegotiates with an ICE
   * restart; refused when {@code agent} is not the call's operator.
   */
  void rejoinAsHost(Call call, CallPeer peer, AgentId agent) {
    Contact contact = journal.find(call.contact()).orElse(null);
    if (call.ended() || contact == null || !agent.equals(contact.agent())
        || contact.state() != ContactState.CONNECTED && contact.state() != ContactState.HELD) {
      throw CallSignalling.forbidden("this call is not connected to you");
    }
    here.seatHost(call, peer, agent);
    Map<String, Object> back = CallSignalling.frame("peer-back", call);
    back.put("party", CallParty.CITIZEN.code());
    peer.send(back);
    CallSignalling.arrived(call, CallParty.OPERATOR);
  }

  /**
   * The guest's socket (here, or on another node), seated in {@code call} before it moved to this node, is
   * seated again (its node saw the old home seat it): it hears {@code rehomed}, and each of its pairs' offering
   * ends {@code ready}; refused while another guest is in the call.
   */
  void rejoinAsGuest(Call call, CallPeer peer, AgentId guest) {
    if (call.ended() || call.party(CallParty.GUEST).filter(p -> !p.id().equals(peer.id())).isPresent()) {
      throw CallSignalling.forbidden("this call has another third party now");
    }
    peer.send(CallSignalling.frame("rehomed", call));
    here.seatGuest(call, peer, guest.value());
    CallSignalling.arrived(call, CallParty.GUEST);
  }

  /** Case 2: another node rebuilt {@code contact}'s call; this node's host and guest sockets follow it there. */
  private void rehomedElsewhere(ContactId contact) {
    for (Relayed relayed : List.copyOf(relayedFor.values())) {
      if (relayed.contact().equals(contact) && relayed.signedIn().isPresent()) {
        followed.add(contact);
        elsewhere.rejoin(contact, relayed.peer(), relayed.signedIn().get(),
            guests.contains(relayed.peer().id()) ? CallParty.GUEST : CallParty.OPERATOR);
      }
    }
  }

  /**
   * Case 4: the home of {@code contact}'s call left the cluster (died or was cut off) while sockets of this node
   * were its parties: this node rebuilds the call from the journal and becomes its home ({@link #takeOver}), at
   * once when the citizen's socket is here (the dead home's bus address may still be listed for a moment, so
   * it asks nobody), else after {@link #HOME_LOST_WAIT} unless another node answers as its home by then (the
   * citizen's node rebuilt it; its rehomed notice brings the host's socket there).
   */
  private void homeLost(ContactId contact, Optional<String> token) {
    List<Relayed> relayed = relayedTo(contact);
    if (relayed.isEmpty() || here.held(contact).isPresent()) {
      return;
    }
    if (relayed.stream().anyMatch(socket -> socket.signedIn().isEmpty())) {
      takeOver(contact, token);
    } else {
      timers.schedule(HOME_LOST_WAIT, () -> {
        if (!followed.remove(contact) && !elsewhere.homeAnswers(contact)) {
          takeOver(contact, token);
        }
      });
    }
  }

  /**
   * Rebuilds {@code contact}'s call here (as a citizen's resume on a node without its home would) and
   * attaches this node's sockets that relayed to the lost home: each hears {@code rehomed}; the citizen's
   * stays seated, the host's too, and when the citizen is not here the host hears {@code peer-left} and the
   * citizen's grace period starts (a resume on any node reaches this new home). The guest's socket (one the
   * old home had seated as the guest) is seated again, and the host hears {@code ready} for it; any other
   * operator's socket is told {@code ended}, and so is everyone when the contact has ended or no token came
   * from the home. A node with only the guest's socket rebuilds nothing: the guest waits and follows the call
   * when the citizen's or the host's node rebuilds it ({@code rehomed} notice). The other nodes hear {@code
   * rehomed} on the bus.
   */
  private void takeOver(ContactId contact, Optional<String> token) {
    takeOver(contact, token, 1);
  }

  /**
   * {@link #takeOver}, unless this node is cut off from most of the cluster: the home may be alive on the other
   * side. Asked again every {@link #HOME_LOST_WAIT}, up to {@link #CUT_OFF_TRIES} times, until a home answers
   * (merged back: the sockets relay to it again) or this node is no longer cut off (of two nodes, the survivor
   * of a death counts the dead one alive until its heartbeat lapses, a few seconds).
   */
  private void takeOver(ContactId contact, Optional<String> token, int attempt) {
    if (relayedTo(contact).isEmpty() || here.held(contact).isPresent()) {
      return;
    }
    if (elsewhere.cutOff()) {
      LOG.log(System.Logger.Level.INFO, "call " + contact.value() + ": its home is out of reach, but this node is"
          + " cut off from the cluster: not taken over (try " + attempt + ")");
      if (attempt < CUT_OFF_TRIES) {
        timers.schedule(HOME_LOST_WAIT, () -> {
          if (!elsewhere.homeAnswers(contact)) {
            takeOver(contact, token, attempt + 1);
          }
        });
      }
      return;
    }
    Contact live = journal.find(contact)
        .filter(c -> c.state() == ContactState.CONNECTED || c.state() == ContactState.HELD
            || c.state() == ContactState.QUEUED || c.state() == ContactState.OFFERED)
        .orElse(null);
    boolean partyHere = live != null && relayedTo(contact).stream()
        .anyMatch(relayed -> relayed.signedIn().map(agent -> agent.equals(live.agent())).orElse(true));
    Optional<CallTokens.Claims> claims = token.flatMap(tokens::check).filter(c -> c.contact().equals(contact));
    Call call = partyHere ? claims.map(c -> here.rebuild(token.get(), c)).filter(c -> !c.ended()).orElse(null) : null;
    Contact open = call == null ? null : live;
    for (Relayed relayed : relayedTo(contact)) {
      if (call == null && live != null && guests.contains(relayed.peer().id())) {
        continue; // a guest alone here waits: it follows the call when the citizen's or host's node rebuilds it
      }
      if (relayedFor.remove(relayed.peer().id(), relayed)) {
        elsewhere.forget(relayed.peer());
        adopt(call, open, relayed);
      }
    }
    if (open == null) {
      if (call != null) {
        here.finish(call);
      }
      return;
    }
    if (call.party(CallParty.GUEST).isPresent() && call.operator().isPresent()) {
      call.sendTo(CallParty.OPERATOR, CallSignalling.ready(call, CallParty.GUEST));
    }
    if (call.citizen().isPresent()) {
      CallSignalling.arrived(call, CallParty.CITIZEN);
    } else {
      Map<String, Object> left = CallSignalling.frame("peer-left", call);
      left.put("party", CallParty.CITIZEN.code());
      call.toOthers(CallParty.CITIZEN, left);
      here.citizenAway(call);
    }
    elsewhere.rehomed(contact);
  }

  /** One of this node's sockets that relayed to {@code call}'s lost home is seated in the rebuilt call. */
  private void adopt(Call call, Contact open, Relayed relayed) {
    CallPeer peer = relayed.peer();
    Map<String, Object> ended = new LinkedHashMap<>(Map.of("type", "ended", "contactId", relayed.contact().value()));
    boolean connected = open != null
        && (open.state() == ContactState.CONNECTED || open.state() == ContactState.HELD);
    boolean host = connected && relayed.signedIn().filter(agent -> agent.equals(open.agent())).isPresent();
    boolean guest = connected && !host && relayed.signedIn().isPresent() && guests.contains(peer.id());
    if (open == null || relayed.signedIn().isPresent() && !host && !guest) {
      peer.send(ended);
      return;
    }
    peer.send(CallSignalling.frame("rehomed", call));
    if (host) {
      here.seatHost(call, peer, relayed.signedIn().get());
    } else if (guest) {
      here.seatGuest(call, peer, relayed.signedIn().get().value());
    } else {
      here.seatCitizen(call, peer);
    }
  }

  private List<Relayed> relayedTo(ContactId contact) {
    return relayedFor.values().stream().filter(relayed -> relayed.contact().equals(contact)).toList();
  }
}
