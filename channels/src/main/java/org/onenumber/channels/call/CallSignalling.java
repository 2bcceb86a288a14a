package org.onenumber.channels.call;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.out.ContactJournal;

/**
 * What each frame on the call socket does (the frames are listed in the package documentation).
 * The cases, by sender and frame type:
 *
 * <ol>
 *   <li>Citizen {@code start}: refused while the same caller has a call that has not ended (one
 *       call per citizen); otherwise a contact is opened ({@link CallMode}: VIDEO for sign
 *       language, VOICE for voice), a session with a signed resume token ({@link CallTokens}) is answered
 *       {@code session}, then {@code waiting} and the last known queue position.
 *   <li>Citizen {@code resume}: the call behind the token is attached to this connection; an
 *       operator already there is told {@code peer-back} and {@code ready} (make a new offer, with
 *       an ICE restart), and the citizen {@code agent} or {@code ended} as the contact stands. A node cut
 *       off from most of the cluster ({@link CallsElsewhere#cutOff}) that cannot reach the call's home answers
 *       {@code error} {@code unavailable} rather than rebuild it: the page resumes again on a new socket.
 *   <li>Operator {@code join}: the agent the contact is connected to (or held by), only for a
 *       call, is its host: answered {@code joined} with what the citizen wrote while waiting, then
 *       {@code ready} (party {@code citizen}) when the citizen is connected. An operator the host
 *       invited (by id or from an interpreter queue), or one staff member of a department it
 *       invited, joins as the guest ({@link CallGuests}), and so does the guest still in a call this node
 *       rebuilt (its socket was on the node that gave the call up); anyone else is {@code forbidden}.
 *   <li>{@code offer}, {@code answer}, {@code candidate} go from one party to one other ({@code to};
 *       without it, citizen and operator mean each other), {@code text} to every other party,
 *       {@code quality} only from the host ({@link CallQuality}, kept by {@link CallQualityStore}):
 *       only for the contact the connection belongs to ({@code forbidden} otherwise, the connection
 *       stays; a party can only signal its own pairs, as the sender is the connection's party, never
 *       a field); checked by {@link SignalFrames} and relayed with {@code from}. A citizen's text
 *       before an operator joined is kept for the operator.
 *   <li>{@code hangup}: the citizen's ends the contact in routing ({@link CallRouting#citizenHungUp});
 *       the host's puts it in wrap-up in the host's name ({@link CallRouting#operatorHungUp}). Either is handed to
 *       routing once and never waited for (routing tries it again until journaled), so the
 *       connection's next frame is not held behind a commit; the call is kept until that end is
 *       journaled (or refused: the contact had ended), and every party gets {@code ended} then
 *       ({@link #stateChanged}, or the hand-over's end). Both carry the call's claim: when another node claimed
 *       the call since this node's check, routing writes nothing and the call is given up ({@code rehomed}). The guest's hangup (or
 *       {@code leave}) only takes the guest out ({@link CallGuests}); {@code invite} and {@code guest}
 *       frames are the guest's too.
 *   <li>A connection closes ({@link #disconnected}): the other parties are told {@code peer-left};
 *       a citizen who does not resume within the grace period is treated as having hung up; an
 *       operator who does not join again within it loses the call, which goes back to the head
 *       of its line ({@link CallRouting#returnToLine}); the citizen hears {@code waiting}.
 * </ol>
 *
 * Routing's events come in through {@link #stateChanged} and {@link #queuePosition}. Calls live
 * in the memory of their <em>home</em>, the node where the citizen started the call: in a cluster a
 * frame about a call (it names the {@code contactId}) from a connection with no call here, for a call
 * that is not here, is handed to its home ({@link CallsElsewhere}), which handles it as its own with a
 * peer that answers back across the bus; so is that connection's close. When the home leaves the cluster
 * (killed, cut off), a node whose sockets relayed to it rebuilds the call and becomes its home ({@link
 * RelayedCallSockets}: its parties hear {@code rehomed}); a home that was frozen or cut off while another node
 * took its call over gives the call up when it wakes ({@link CallFence}). A server restart ends the
 * signalling of calls in progress (their contacts stay with routing, which the operator closes as
 * usual). Thread-safe.
 */
public final class CallSignalling {

  private static final Pattern CALLER = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Set<String> LANGUAGES = Set.of("ko", "en", "zh", "ja", "vi", "mn");
  private static final int MAX_TEXT = 2_000;
  private static final int REMEMBERED_POSITIONS = 1_024;
  private static final String OPERATOR_TIMER = "operator:";
  private final Map<String, Call> byToken = new ConcurrentHashMap<>();
  private final Map<ContactId, Call> byContact = new ConcurrentHashMap<>();
  private final Map<String, Call> byCaller = new ConcurrentHashMap<>();
  private final Map<String, Call> byPeer = new ConcurrentHashMap<>();
  private final Map<String, Runnable> graceTimers = new ConcurrentHashMap<>();
  private final Map<ContactId, Map<String, Object>> positions = new java.util.LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ContactId, Map<String, Object>> eldest) {
      return size() > REMEMBERED_POSITIONS;
    }
  };
  private final OpenContact open;
  private final CallRouting routing;
  private final ContactJournal journal;
  private final CallTimers timers;
  private final CallQualityStore quality;
  private final Settings settings;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final CallGuests guests;
  private final CallsElsewhere elsewhere;
  private final CallTokens tokens;
  private final CallFence fence;
  /** This node's sockets whose call lives on another node (relays, following a moved call, take-overs). */
  private final RelayedCallSockets relayed;
  /** What the calls held here offer this node's relayed sockets when their call moves or its home is lost. */
  private final RelayedCallSockets.CallsHere here = new RelayedCallSockets.CallsHere() {
    @Override
    public Optional<Call> held(ContactId contact) {
      return Optional.ofNullable(byContact.get(contact));
    }

    @Override
    public boolean seated(String peerId) {
      return byPeer.containsKey(peerId);
    }

    @Override
    public Call rebuild(String token, CallTokens.Claims claims) {
      return CallSignalling.this.rebuild(token, claims);
    }

    @Override
    public void seatCitizen(Call call, CallPeer peer) {
      CallSignalling.this.seatCitizen(call, peer);
    }

    @Override
    public void seatHost(Call call, CallPeer peer, AgentId agent) {
      attachOperator(call, peer, agent);
    }

    @Override
    public void seatGuest(Call call, CallPeer peer, String who) {
      guests.rejoin(call, peer, who);
    }

    @Override
    public void citizenAway(Call call) {
      graceTimers.put(call.token(), timers.schedule(settings.grace(), () -> graceOver(call)));
    }

    @Override
    public void finish(Call call) {
      CallSignalling.this.finish(call);
    }
  };
  /** What this node does, as a call's home, with the frames and closes other nodes hand it. */
  private final CallsElsewhere.Home fromElsewhere = new CallsElsewhere.Home() {
    @Override
    public void frame(Map<String, Object> frame, CallPeer from, Optional<AgentId> signedIn, Optional<String> staffOf) {
      handleHere(frame, from, signedIn, staffOf);
    }

    @Override
    public void closed(CallPeer from) {
      disconnectedHere(from);
    }

    @Override
    public void rejoin(ContactId contact, CallPeer from, AgentId who, CallParty party) {
      Call call = byContact.get(contact);
      if (call == null || !stillHome(call)) {
        throw forbidden("no call to join again");
      }
      if (party == CallParty.GUEST) {
        relayed.rejoinAsGuest(call, from, who);
      } else {
        relayed.rejoinAsHost(call, from, who);
      }
    }

    @Override
    public Optional<String> token(ContactId contact) {
      return Optional.ofNullable(byContact.get(contact)).filter(call -> !call.ended()).map(Call::token);
    }
  };

  /**
   * How calls behave: the grace period for a citizen's lost connection, the ICE servers browsers get,
   * and the ICE transport policy they use ({@code all}, or {@code relay}: only TURN-relayed
   * candidates, for networks that allow nothing else and for the coturn test).
   */
  public record Settings(Duration grace, IceServers iceServers, String iceTransportPolicy) {

    public Settings {
      iceTransportPolicy = iceTransportPolicy == null || iceTransportPolicy.isBlank() ? "all" : iceTransportPolicy;
      if (!iceTransportPolicy.equals("all") && !iceTransportPolicy.equals("relay")) {
        throw new IllegalArgumentException("the ICE transport policy is all or relay, not " + iceTransportPolicy);
      }
    }

    /** Every candidate type allowed. */
    public Settings(Duration grace, IceServers iceServers) {
      this(grace, iceServers, "all");
    }
  }

  /** One node alone ({@link CallsElsewhere#NONE}). */
  public CallSignalling(OpenContact open, CallRouting routing, ContactJournal journal, CallTimers timers,
      CallQualityStore quality, CallPartyJournal parties, Settings settings, InstantSource clock,
      RandomGenerator random) {
    this(open, routing, journal, timers, quality, parties, settings, clock, random, CallsElsewhere.NONE,
        CallTokens.ofThisProcess(random));
  }

  /**
   * {@code elsewhere}: the calls whose home is another node of the cluster; {@code tokens}: resume tokens
   * every node can check.
   */
  public CallSignalling(OpenContact open, CallRouting routing, ContactJournal journal, CallTimers timers,
      CallQualityStore quality, CallPartyJournal parties, Settings settings, InstantSource clock,
      RandomGenerator random, CallsElsewhere elsewhere, CallTokens tokens) {
    this(open, routing, journal, timers, quality, parties, settings, clock, random, elsewhere, tokens, CallClaims.NONE);
  }

  /**
   * {@code claims}: which node is each call's home, read by every node ({@link CallFence}: a home that was
   * frozen or cut off while another node took its call over gives the call up).
   */
  public CallSignalling(OpenContact open, CallRouting routing, ContactJournal journal, CallTimers timers,
      CallQualityStore quality, CallPartyJournal parties, Settings settings, InstantSource clock,
      RandomGenerator random, CallsElsewhere elsewhere, CallTokens tokens, CallClaims claims) {
    this.fence = new CallFence(claims, clock);
    this.elsewhere = elsewhere;
    this.tokens = tokens;
    this.open = open;
    this.routing = routing;
    this.journal = journal;
    this.timers = timers;
    this.quality = quality;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.guests = new CallGuests(byPeer, routing, parties, settings, clock, this::token, this::stillHome);
    this.relayed = new RelayedCallSockets(here, elsewhere, journal, tokens, timers);
    relayed.listen(); // last: the listeners may run at once on another thread
    elsewhere.onMembersChanged(this::checkClaims);
  }

  /** Handles one frame from {@code peer}; {@code operator} is the signed-in agent, empty for a citizen. */
  public void handle(Map<String, Object> frame, CallPeer peer, Optional<AgentId> operator) {
    handle(frame, peer, operator, Optional.empty());
  }

  /**
   * Handles one frame from {@code peer}; {@code signedIn} is who signed in (an agent, or a staff
   * member of {@code staffOf}, a department), empty for a citizen. A staff member only joins a
   * call their department is invited to.
   */
  public void handle(Map<String, Object> frame, CallPeer peer, Optional<AgentId> signedIn, Optional<String> staffOf) {
    if (frame.get("contactId") instanceof String id && !id.isBlank() && id.length() <= 64
        && byContact.get(new ContactId(id)) instanceof Call named && byPeer.get(peer.id()) != named) {
      stillHome(named); // a join for a call another node took over goes to that node
    }
    if (!relayed.relayed(frame, peer, signedIn, staffOf)) {
      handleHere(frame, peer, signedIn, staffOf);
    }
  }

  private void handleHere(Map<String, Object> frame, CallPeer peer, Optional<AgentId> signedIn, Optional<String> staffOf) {
    try {
      dispatch(frame, peer, signedIn, staffOf);
    } catch (GivenUp e) {
      // the call moved to the node that took it over; its parties here were told to reconnect (rehomed)
    }
  }

  private void dispatch(Map<String, Object> frame, CallPeer peer, Optional<AgentId> signedIn, Optional<String> staffOf) {
    String type = String.valueOf(frame.get("type"));
    switch (type) {
      case "start" -> start(frame, peer);
      case "resume" -> resume(frame, peer);
      case "join" -> join(frame, peer, signedIn.orElseThrow(() -> forbidden("sign in as an operator to join a call")),
          staffOf.orElse(null));
      case "offer" -> relay(frame, peer, SignalFrames.description("offer", frame));
      case "answer" -> relay(frame, peer, SignalFrames.description("answer", frame));
      case "candidate" -> relay(frame, peer, SignalFrames.candidate(frame));
      case "text" -> text(frame, peer);
      case "hangup" -> hangup(frame, peer);
      case "quality" -> quality(frame, peer);
      case "invite" -> guests.invite(frame, callOf(frame, peer), peer);
      case "guest" -> guests.joinByLink(frame, peer);
      case "leave" -> leave(frame, peer);
      default -> throw new InvalidInputException("unknown frame type");
    }
  }

  /** Case 1. */
  private void start(Map<String, Object> frame, CallPeer peer) {
    if (byPeer.containsKey(peer.id())) {
      throw new PermanentException("call_in_progress", "this connection already has a call");
    }
    CallMode mode = CallMode.of(frame.get("mode"));
    String caller = frame.get("caller") instanceof String c && CALLER.matcher(c).matches() ? c : null;
    if (caller == null) {
      throw new InvalidInputException("caller must be 8 to 64 letters, digits, '-' or '_'");
    }
    Call existing = byCaller.get(caller);
    if (existing != null && !existing.ended()) {
      throw new PermanentException("call_in_progress",
          "you already have a call waiting or connected; hang it up before starting another");
    }
    Language page = Language.of(LANGUAGES.contains(frame.get("language")) ? (String) frame.get("language") : "ko");
    Contact contact = open.open(new OpenContactCommand(mode.channel(), new CitizenIdentity.ChatHandle("call-" + caller),
        null, mode.language(page), mode == CallMode.SIGN ? "video call in sign language" : "voice call from the web",
        mode.queue(), null, Set.of()));
    Call call = new Call(tokens.issue(contact.id(), caller, mode), caller, contact.id(), mode);
    fence.claim(call);
    byToken.put(call.token(), call);
    byContact.put(call.contact(), call);
    byCaller.put(caller, call);
    elsewhere.home(call.contact(), fromElsewhere);
    attachCitizen(call, peer);
    peer.send(frame("waiting", call));
    Map<String, Object> position;
    synchronized (positions) {
      position = positions.remove(call.contact());
    }
    if (position != null) {
      peer.send(position);
    }
  }

  /** Case 2. */
  private void resume(Map<String, Object> frame, CallPeer peer) {
    String token = frame.get("token") instanceof String t ? t : "";
    Call call = byToken.get(token);
    boolean rebuilt = false;
    if (call != null && !stillHome(call)) {
      call = null; // another node took it over: the resume goes there
    }
    if (call == null) {
      CallTokens.Claims claims = tokens.check(token).orElseThrow(() -> new NotFoundException("call", "(token)"));
      if (!byPeer.containsKey(peer.id())
          && elsewhere.relay(claims.contact(), frame, peer, Optional.empty(), Optional.empty())) {
        relayed.citizenRelayed(claims.contact(), peer);
        return;
      }
      if (elsewhere.cutOff()) { // the live home may be on the other side: a claim here would void its claim
        throw new RetriableException("this server is cut off from the cluster; resume again", null);
      }
      call = rebuild(token, claims);
      rebuilt = !call.ended();
    }
    attachCitizen(call, peer);
    Optional<Contact> contact = journal.find(call.contact());
    if (call.ended() || contact.map(c -> c.state().isTerminal() || c.state() == ContactState.WRAP_UP).orElse(true)) {
      peer.send(frame("ended", call));
      return;
    }
    if (contact.get().state() == ContactState.CONNECTED || contact.get().state() == ContactState.HELD) {
      Map<String, Object> agent = frame("agent", call);
      agent.put("name", routing.agentName(contact.get().agent()));
      peer.send(agent);
    } else {
      peer.send(frame("waiting", call));
    }
    Map<String, Object> back = frame("peer-back", call);
    back.put("party", CallParty.CITIZEN.code());
    call.toOthers(CallParty.CITIZEN, back);
    arrived(call, CallParty.CITIZEN);
    if (rebuilt) {
      relayed.rejoinHere(call);
      elsewhere.rehomed(call.contact());
    }
  }

  /**
   * A citizen resumes a call no node holds (its home stopped or died): rebuilt here from the token and the
   * journal, and this node becomes its home; ended at once when the contact is no longer waiting or connected.
   */
  private Call rebuild(String token, CallTokens.Claims claims) {
    Call call = new Call(token, claims.caller(), claims.contact(), claims.mode());
    Call raced = byToken.putIfAbsent(token, call);
    if (raced != null) {
      return raced;
    }
    Optional<Contact> open = journal.find(claims.contact())
        .filter(c -> !c.state().isTerminal() && c.state() != ContactState.WRAP_UP);
    if (open.isEmpty() || byContact.putIfAbsent(call.contact(), call) != null) {
      call.end();
      return call;
    }
    fence.claim(call);
    guests.rebuilt(call, open.get());
    byCaller.put(call.caller(), call);
    elsewhere.home(call.contact(), fromElsewhere);
    return call;
  }

  private void attachCitizen(Call call, CallPeer peer) {
    seatCitizen(call, peer);
    Map<String, Object> session = frame("session", call);
    session.put("token", call.token());
    session.put("mode", call.mode().code());
    session.put("iceServers", settings.iceServers().forUser(call.contact().value(), clock.instant()));
    session.put("iceTransportPolicy", settings.iceTransportPolicy());
    peer.send(session);
  }

  private void seatCitizen(Call call, CallPeer peer) {
    cancelTimer(call.token());
    call.citizen().ifPresent(old -> byPeer.remove(old.id()));
    call.citizen(peer);
    byPeer.put(peer.id(), call);
  }

  /** Case 3. */
  private void join(Map<String, Object> frame, CallPeer peer, AgentId agent, String staffOf) {
    ContactId id = contactOf(frame);
    Call call = byContact.get(id);
    if (call != null && !stillHome(call)) {
      throw forbidden("this call is not connected to you");
    }
    Contact contact = journal.find(id).orElse(null);
    boolean live = contact != null && (contact.state() == ContactState.CONNECTED || contact.state() == ContactState.HELD);
    if (call == null || call.ended() || !live) {
      throw forbidden("this call is not connected to you");
    }
    Call current = byPeer.get(peer.id());
    if (current != null && current != call) {
      throw forbidden("this connection is already in another call");
    }
    if (staffOf != null || !agent.equals(contact.agent())) {
      guests.join(call, peer, agent, staffOf, current != null);
      return;
    }
    attachOperator(call, peer, agent);
    Map<String, Object> joined = frame("joined", call);
    joined.put("party", CallParty.OPERATOR.code());
    joined.put("mode", call.mode().code());
    joined.put("parties", call.present().stream().map(CallParty::code).toList());
    joined.put("texts", call.waitingTexts());
    joined.put("iceServers", settings.iceServers().forUser(agent.value(), clock.instant()));
    joined.put("iceTransportPolicy", settings.iceTransportPolicy());
    peer.send(joined);
    arrived(call, CallParty.OPERATOR);
  }

  private void attachOperator(Call call, CallPeer peer, AgentId agent) {
    cancelTimer(OPERATOR_TIMER + call.token());
    call.operator().ifPresent(old -> byPeer.remove(old.id()));
    call.operator(peer, agent);
    byPeer.put(peer.id(), call);
  }

  /**
   * {@code party} is connected (first time or again): for each pair it forms with a party present,
   * the offering end ({@link CallParty#offersTo}) hears {@code ready} naming the other, and offers.
   */
  static void arrived(Call call, CallParty party) {
    for (CallParty other : call.present()) {
      if (party.offersTo(other)) {
        call.sendTo(party, ready(call, other));
      } else if (other.offersTo(party)) {
        call.sendTo(other, ready(call, party));
      }
    }
  }

  static Map<String, Object> ready(Call call, CallParty to) {
    Map<String, Object> ready = frame("ready", call);
    ready.put("party", to.code());
    return ready;
  }

  /** Case 4: offer, answer and candidate. */
  private void relay(Map<String, Object> frame, CallPeer peer, Map<String, Object> checked) {
    Call call = callOf(frame, peer);
    CallParty from = call.partyOf(peer).orElseThrow();
    CallParty to = addressee(frame, from);
    checked.put("contactId", call.contact().value());
    checked.put("from", from.code());
    if (!call.sendTo(to, checked)) {
      throw new PermanentException("peer_absent", "the other party is not connected; try again when they are");
    }
  }

  /** Whom a frame from {@code from} goes to: {@code to}, or between citizen and operator the other one. */
  private static CallParty addressee(Map<String, Object> frame, CallParty from) {
    if (frame.get("to") == null) {
      if (from == CallParty.GUEST) {
        throw new InvalidInputException("to is required from a third party");
      }
      return from == CallParty.CITIZEN ? CallParty.OPERATOR : CallParty.CITIZEN;
    }
    CallParty to = CallParty.of(frame.get("to"));
    if (to == from) {
      throw new InvalidInputException("to must be another party");
    }
    return to;
  }

  /** Case 4: text. */
  private void text(Map<String, Object> frame, CallPeer peer) {
    Call call = callOf(frame, peer);
    CallParty from = call.partyOf(peer).orElseThrow();
    String body = frame.get("body") instanceof String b ? clean(b) : "";
    if (body.isBlank() || body.length() > MAX_TEXT) {
      throw new InvalidInputException("body must be 1 to " + MAX_TEXT + " characters");
    }
    Map<String, Object> relayed = frame("text", call);
    relayed.put("from", from.code());
    relayed.put("body", body);
    call.toOthers(from, relayed);
    if (from == CallParty.CITIZEN && call.operator().isEmpty()) {
      call.keepWaitingText(body);
    }
  }

  /** Case 4: only the operator's console measures. */
  private void quality(Map<String, Object> frame, CallPeer peer) {
    Call call = callOf(frame, peer);
    if (call.partyOf(peer).orElseThrow() != CallParty.OPERATOR) {
      throw forbidden("only the host operator's console reports call quality");
    }
    quality.save(call.contact(), CallQuality.from(frame));
  }

  /** Case 5. */
  private void hangup(Map<String, Object> frame, CallPeer peer) {
    Call call = callOf(frame, peer);
    switch (call.partyOf(peer).orElseThrow()) {
      case CITIZEN -> endByCitizen(call);
      case OPERATOR -> {
        if (call.hangUp()) {
          routing.operatorHungUp(call.contact(), call.agent().orElseThrow(), call.claim())
              .whenComplete((home, never) -> finishOrGiveUp(call, home));
        }
      }
      case GUEST -> guests.leave(call, peer, true);
    }
  }

  /** The guest leaves; the citizen and the host stay connected. */
  private void leave(Map<String, Object> frame, CallPeer peer) {
    Call call = callOf(frame, peer);
    if (call.partyOf(peer).orElseThrow() != CallParty.GUEST) {
      throw forbidden("only a third party leaves; the citizen and the operator hang up");
    }
    guests.leave(call, peer, true);
  }

  /**
   * Hands the citizen's hang-up to routing without waiting for its journal (the socket's next frame
   * is not held behind a commit); the call stays registered until routing journaled the end (its
   * event finishes it) or refused it (the contact had ended): then it is finished here.
   */
  private void endByCitizen(Call call) {
    if (stillHome(call) && call.hangUp()) {
      routing.citizenHungUp(call.contact(), call.claim()).whenComplete((home, never) -> finishOrGiveUp(call, home));
    }
  }

  /**
   * The end a home handed routing was journaled (or the contact had ended): the call is finished here. Or the
   * call's claim no longer held when routing was to write it (this node froze after its check, and another
   * node took the call over meanwhile): nothing was written, and the call is given up as on a lost claim.
   */
  private void finishOrGiveUp(Call call, Boolean home) {
    if (Boolean.FALSE.equals(home)) {
      giveUp(call);
    } else {
      finish(call);
    }
  }

  /** Case 6: {@code peer}'s connection closed. */
  public void disconnected(CallPeer peer) {
    if (!relayed.closed(peer)) {
      disconnectedHere(peer);
    }
  }

  private void disconnectedHere(CallPeer peer) {
    Call call = byPeer.get(peer.id());
    if (call == null || !stillHome(call)) {
      return;
    }
    if (call.partyOf(peer).filter(p -> p == CallParty.GUEST).isPresent()) {
      guests.leave(call, peer, false);
      return;
    }
    byPeer.remove(peer.id(), call);
    Optional<CallParty> party = call.detach(peer);
    if (party.isEmpty() || call.ended()) {
      return;
    }
    Map<String, Object> left = frame("peer-left", call);
    left.put("party", party.get().code());
    call.toOthers(party.get(), left);
    if (party.get() == CallParty.CITIZEN) {
      here.citizenAway(call);
    } else {
      graceTimers.put(OPERATOR_TIMER + call.token(), timers.schedule(settings.grace(), () -> operatorGraceOver(call)));
    }
  }

  private void graceOver(Call call) {
    graceTimers.remove(call.token());
    if (call.citizen().isEmpty()) {
      endByCitizen(call);
    }
  }

  /** The operator did not come back: the call goes back to the head of its line. */
  private void operatorGraceOver(Call call) {
    graceTimers.remove(OPERATOR_TIMER + call.token());
    if (call.operator().isPresent() || call.ended() || !stillHome(call)) {
      return;
    }
    Contact talking = journal.find(call.contact())
        .filter(c -> c.state() == ContactState.CONNECTED || c.state() == ContactState.HELD).orElse(null);
    if (talking != null && !routing.returnToLine(talking.id(), talking.queue(), call.claim())) {
      giveUp(call); // another node claimed the call since this node's check: nothing was written
    }
  }

  private void cancelTimer(String key) {
    Runnable timer = graceTimers.remove(key);
    if (timer != null) {
      timer.run();
    }
  }

  /** Routing moved {@code contact}: the citizen hears where their call is; both hear when it ends. */
  public void stateChanged(ContactId contact, ContactState to, AgentId agent) {
    Call call = byContact.get(contact);
    if (call == null || !stillHome(call)) {
      return;
    }
    switch (to) {
      case QUEUED -> {
        guests.dismiss(call);
        call.operator().ifPresent(op -> {
          op.send(frame("ended", call));
          byPeer.remove(op.id(), call);
          call.detach(op);
        });
        call.citizen().ifPresent(p -> p.send(frame("waiting", call)));
      }
      case CONNECTED -> call.citizen().ifPresent(p -> {
        Map<String, Object> frame = frame("agent", call);
        frame.put("name", routing.agentName(agent));
        p.send(frame);
      });
      case WRAP_UP, CLOSED, ABANDONED, CALLBACK_REQUESTED -> finish(call);
      default -> { }
    }
  }

  /** Routing's estimate for a waiting contact; remembered briefly if the call is not registered yet. */
  public void queuePosition(ContactId contact, Long position, Long ewtSeconds) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "queue");
    frame.put("contactId", contact.value());
    frame.put("position", position);
    frame.put("ewtSeconds", ewtSeconds);
    Call call = byContact.get(contact);
    if (call == null) {
      synchronized (positions) {
        positions.put(contact, frame);
      }
      return;
    }
    if (stillHome(call)) {
      call.citizen().ifPresent(p -> p.send(frame));
    }
  }

  /** Whether {@code contact} is a browser call this server is signalling (for the console and tests). */
  public boolean isCall(ContactId contact) {
    return byContact.containsKey(contact);
  }

  /**
   * Whether a node holds {@code contact}'s call now: this one, or another that answers as its home when asked
   * ({@link CallsElsewhere#homeAnswers}: may block a few seconds). For the sweep of claims no call needs.
   */
  public boolean heldAnywhere(ContactId contact) {
    return isCall(contact) || elsewhere.homeAnswers(contact);
  }

  /**
   * Whether no node holds {@code contact}'s call for sure: not this one, and no other consumes its home's address
   * ({@link CallsElsewhere#noHome}: a frozen or busy home counts as holding it). For ending calls whose home died.
   */
  public boolean heldNowhere(ContactId contact) {
    return !isCall(contact) && elsewhere.noHome(contact);
  }

  private void finish(Call call) {
    if (!call.end()) {
      return;
    }
    guests.dismiss(call);
    call.toAll(frame("ended", call));
    byContact.remove(call.contact());
    byCaller.remove(call.caller(), call);
    elsewhere.gone(call.contact());
    cancelTimer(call.token());
    cancelTimer(OPERATOR_TIMER + call.token());
    fence.release(call);
  }

  /**
   * Whether this node is still {@code call}'s home ({@link CallFence}); when another node claimed it since (it
   * took the call over while this node was frozen or cut off), the call is given up first: forgotten here with
   * no journal step and no frame but {@code rehomed} with {@code reconnect: true} to each of its parties'
   * sockets here, whose page or console then opens a new socket and resumes or joins on the live home.
   */
  private boolean stillHome(Call call) {
    if (call.ended() || fence.home(call)) {
      return true;
    }
    giveUp(call);
    return false;
  }

  private void giveUp(Call call) {
    if (!call.end()) {
      return;
    }
    byToken.remove(call.token(), call);
    byContact.remove(call.contact(), call);
    byCaller.remove(call.caller(), call);
    elsewhere.gone(call.contact());
    cancelTimer(call.token());
    cancelTimer(OPERATOR_TIMER + call.token());
    guests.forget(call);
    Map<String, Object> moved = frame("rehomed", call);
    moved.put("reconnect", true);
    for (CallParty party : call.present()) {
      call.party(party).ifPresent(peer -> {
        byPeer.remove(peer.id(), call);
        peer.send(moved);
      });
    }
  }

  /** The cluster's membership changed (this node may have been cut off): every call's claim is read again now. */
  private void checkClaims() {
    for (Call call : List.copyOf(byContact.values())) {
      if (!call.ended() && !fence.homeNow(call)) {
        giveUp(call);
      }
    }
  }

  /** A frame for a call this node gave up: dropped (its sender was told {@code rehomed}, to reconnect). */
  private static final class GivenUp extends RuntimeException {
    GivenUp() {
      super(null, null, false, false);
    }
  }

  private Call callOf(Map<String, Object> frame, CallPeer peer) {
    Call call = byPeer.get(peer.id());
    if (call == null || !call.contact().equals(contactOf(frame)) || call.partyOf(peer).isEmpty()) {
      throw forbidden("this connection is not a party to that call");
    }
    if (!stillHome(call)) {
      throw new GivenUp();
    }
    return call;
  }

  private static ContactId contactOf(Map<String, Object> frame) {
    Object id = frame.get("contactId");
    if (!(id instanceof String s) || s.isBlank() || s.length() > 64) {
      throw new InvalidInputException("contactId is required");
    }
    return new ContactId(s);
  }

  static Map<String, Object> frame(String type, Call call) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", type);
    frame.put("contactId", call.contact().value());
    return frame;
  }

  static PermanentException forbidden(String message) {
    return new PermanentException("forbidden", message);
  }

  private String token() {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  private static String clean(String text) {
    return text.codePoints().filter(c -> c == '\n' || !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
  }
}
