package org.onenumber.channels.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.testkit.FakeContactJournal;

/**
 * A call's home elsewhere leaves the cluster while this node's sockets relay to it (issue 11, session 20):
 * the node with the citizen's socket rebuilds the call at once and becomes its home, its citizen hears
 * {@code rehomed}; a node with only the host's socket waits, then rebuilds it: the host hears {@code rehomed}
 * and {@code peer-left}, and the citizen's resume here brings {@code peer-back} and {@code ready}; a guest is
 * told {@code ended}; a node that heard another one rebuilt the call leaves it there. Before, nothing happened
 * on such a node until the citizen resumed.
 */
class CallHomeLostTest {

  private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
  private static final AgentId HOST = new AgentId("op-034");
  private static final ContactId CONTACT = new ContactId("c-1");

  private final FakeContactJournal journal = new FakeContactJournal();
  private final Map<Duration, Runnable> timers = new HashMap<>();
  private final List<ContactId> rehomed = new ArrayList<>();
  private final List<String> routed = new ArrayList<>();
  /** The guests' joinings and leavings the nodes journalled (shared, as the database is). */
  private final List<PartyEvent> partyEvents = new ArrayList<>();

  private record PartyEvent(String step, String who, Instant at) {}
  private CallsElsewhere.HomeLost lost;
  /** Whether a node elsewhere holds the call (else no node does). */
  private boolean homeElsewhere = true;
  /** Whether this node is cut off from most of the cluster (woken alone, the small side of a split). */
  private boolean cutOff;
  /** Whether the bus still sends to the dead home's address (no answer in time). */
  private boolean homeSilent;
  private Consumer<ContactId> rehomedListener;
  private Runnable membersChanged;
  /** Whether the home elsewhere seats an invited operator who joins as the guest. */
  private boolean guestSeated;
  private CallsElsewhere.Home homeHandler;
  private Instant now = T0;
  /** The shared claims (the database in a cluster): each call's latest claim. */
  private final Map<ContactId, String> latestClaim = new HashMap<>();
  private int claimReads;
  private boolean claimsDown;
  /** Runs once inside the next claim's write (before it lands): a membership change read in that moment. */
  private Runnable whileClaiming;
  private final CallClaims claims = new CallClaims() {
    private int made;

    @Override
    public String claim(ContactId contact) {
      if (claimsDown) {
        throw new RetriableException("the database is away", null);
      }
      Runnable meanwhile = whileClaiming;
      whileClaiming = null;
      if (meanwhile != null) {
        meanwhile.run();
      }
      String claim = "here-" + ++made;
      latestClaim.put(contact, claim);
      return claim;
    }

    @Override
    public boolean holds(ContactId contact, String claim) {
      claimReads++;
      return claim.equals(latestClaim.get(contact));
    }

    @Override
    public void release(ContactId contact, String claim) {
      latestClaim.remove(contact, claim);
    }
  };
  private final CallTokens tokens = CallTokens.shared("a-cluster-secret-of-at-least-32-characters", new SplittableRandom(3));
  private final String token = tokens.issue(CONTACT, "caller-0001", CallMode.SIGN);

  /** Another node is every call's home until it is lost; nobody answers a ping. */
  private final CallsElsewhere elsewhere = new CallsElsewhere() {
    @Override
    public boolean relay(ContactId contact, Map<String, Object> frame, CallPeer from, Optional<AgentId> signedIn,
        Optional<String> staffOf) {
      if (homeSilent) {
        throw new RetriableException("the node holding this call did not answer; try again", null);
      }
      if (homeElsewhere && guestSeated && "join".equals(frame.get("type")) && !HOST.equals(signedIn.orElse(null))) {
        from.send(Map.of("type", "joined", "contactId", contact.value(), "party", "guest")); // the home seats it
      }
      return homeElsewhere;
    }

    @Override
    public void home(ContactId contact, Home handler) {
      homeHandler = handler;
    }

    @Override
    public boolean cutOff() {
      return cutOff;
    }

    @Override
    public void rehomed(ContactId contact) {
      rehomed.add(contact);
    }

    @Override
    public void onRehomed(Consumer<ContactId> listener) {
      rehomedListener = listener;
    }

    @Override
    public void rejoin(ContactId contact, CallPeer from, AgentId who, CallParty party) {
      routed.add(party == CallParty.GUEST ? "rejoin guest " + who.value() : "rejoin " + who.value());
    }

    @Override
    public void onHomeLost(HomeLost listener) {
      lost = listener;
    }

    @Override
    public void onMembersChanged(Runnable listener) {
      membersChanged = listener;
    }
  };

  private final CallSignalling signalling = new CallSignalling(command -> {
    throw new AssertionError("no call starts here");
  }, new CallRouting() {
    @Override
    public CompletionStage<Boolean> citizenHungUp(ContactId contact, String claim) {
      return CompletableFuture.completedFuture(journaled("abandon " + contact.value(), contact, claim));
    }

    @Override
    public CompletionStage<Boolean> operatorHungUp(ContactId contact, AgentId operator, String claim) {
      return CompletableFuture.completedFuture(journaled("wrap-up " + contact.value(), contact, claim));
    }

    @Override
    public boolean returnToLine(ContactId contact, QueueId queue, String claim) {
      return journaled("return " + contact.value(), contact, claim);
    }

    @Override
    public boolean invite(AgentId guest, ContactId contact, AgentId host) {
      return true; // the invited operator's console is open
    }

    @Override
    public Optional<AgentId> inviteFromQueue(QueueId queue, ContactId contact, AgentId host, Predicate<AgentId> guest) {
      return Optional.empty();
    }

    @Override
    public boolean inviteDepartment(String department, ContactId contact, AgentId host) {
      return false;
    }

    @Override
    public void guestJoined(AgentId agent) {
      routed.add("guest joined " + agent.value());
    }

    @Override
    public void guestLeft(String guest) {
      routed.add("guest left " + guest);
    }

    @Override
    public String agentName(AgentId agent) {
      return "문지호";
    }
  }, journal, this::schedule, (contact, quality) -> { }, new CallPartyJournal() {
    @Override
    public void left(ContactId contact, CallParty party, String who) {
      partyEvents.add(new PartyEvent("left", who, now));
    }

    @Override
    public void joined(ContactId contact, CallParty party, String who) {
      partyEvents.add(new PartyEvent("joined", who, now));
    }

    @Override
    public Optional<String> stillIn(ContactId contact, CallParty party, Instant since) {
      return partyEvents.stream().filter(e -> !e.at().isBefore(since)).reduce((a, b) -> b)
          .filter(e -> e.step().equals("joined")).map(PartyEvent::who);
    }
  }, new CallSignalling.Settings(Duration.ofSeconds(30), IceServers.NONE), () -> now, new SplittableRandom(7),
      elsewhere, tokens, claims);

  /** What happens between the home's check of its claim and routing's write (a freeze, in the tests below). */
  private Runnable beforeTheWrite = () -> { };

  /**
   * Routing's journal: writes {@code step} only while {@code claim} is still the call's latest (checked in the
   * transaction that writes it); false, nothing written, otherwise. No claim: unfenced.
   */
  private boolean journaled(String step, ContactId contact, String claim) {
    beforeTheWrite.run();
    if (claim != null && !claim.isBlank() && !claim.equals(latestClaim.get(contact))) {
      return false;
    }
    routed.add(step);
    return true;
  }

  private final RecordingPeer citizen = new RecordingPeer("citizen");
  private final RecordingPeer host = new RecordingPeer("host");

  CallHomeLostTest() {
    Contact contact = Contact.create(CONTACT, Channel.VIDEO, new CitizenId("citizen-1"), Language.KOREAN_SIGN, Set.of(),
        20, "video call in sign language", T0);
    QueueId queue = CallMode.SIGN_LANGUAGE_QUEUE;
    journal.append(contact.moveTo(new ContactStep(ContactState.QUEUED, T0, null, queue, "intake"))
        .moveTo(new ContactStep(ContactState.OFFERED, T0.plusSeconds(4), HOST, queue, "offer"))
        .moveTo(new ContactStep(ContactState.CONNECTED, T0.plusSeconds(5), HOST, queue, "accept")), List.of());
  }

  private Runnable schedule(Duration delay, Runnable task) {
    timers.put(delay, task);
    return () -> timers.remove(delay, task);
  }

  @Test
  void theNodeWithTheCitizensSocketRebuildsTheCallAtOnceAndTheHostJoinsIt() {
    signalling.handle(Map.of("type", "resume", "token", token), citizen, Optional.empty());
    assertEquals(List.of(), citizen.types(), "relayed to the home elsewhere");

    lost.lost(CONTACT, Optional.of(token));

    assertEquals(List.of("rehomed"), citizen.types());
    assertTrue(signalling.isCall(CONTACT), "this node is the call's home now");
    assertEquals(List.of(CONTACT), rehomed, "the other nodes are told");
    signalling.handle(Map.of("type", "join", "contactId", CONTACT.value()), host, Optional.of(HOST));
    assertEquals(List.of("joined", "ready"), host.types());
  }

  @Test
  void aNodeCutOffFromTheClusterNeitherTakesOverNorRebuildsACallWhoseHomeItCannotReach() {
    signalling.handle(Map.of("type", "resume", "token", token), citizen, Optional.empty());
    cutOff = true;

    lost.lost(CONTACT, Optional.of(token));

    assertEquals(List.of(), citizen.types(), "the citizen's socket still relays to the home");
    assertFalse(signalling.isCall(CONTACT), "not taken over");
    assertEquals(Map.of(), latestClaim, "the live home's claim is not voided");
    homeElsewhere = false;
    RecordingPeer again = new RecordingPeer("citizen-again");
    OneNumberException refused = assertThrows(OneNumberException.class,
        () -> signalling.handle(Map.of("type", "resume", "token", token), again, Optional.empty()));
    assertEquals("unavailable", refused.code(), "the page resumes again on a new socket");
    assertFalse(signalling.isCall(CONTACT), "not rebuilt");
    assertEquals(Map.of(), latestClaim);

    cutOff = false; // merged back, and still no home answers: the call is rebuilt here
    signalling.handle(Map.of("type", "resume", "token", token), again, Optional.empty());
    assertTrue(signalling.isCall(CONTACT));
    assertEquals("session", again.types().get(0));
  }

  @Test
  void aMembershipChangeReadWhileTheTakeOverClaimsTheCallKeepsTheCallHere() {
    signalling.handle(Map.of("type", "resume", "token", token), citizen, Optional.empty());
    whileClaiming = () -> membersChanged.run(); // the home's death is also a membership change: both run at once

    lost.lost(CONTACT, Optional.of(token));

    assertTrue(signalling.isCall(CONTACT), "still this node's call");
    assertEquals(List.of("rehomed"), citizen.types(), "told of the new home once, not given up nor ended");
  }

  @Test
  void aNodeCutOffOnlyUntilTheDeadHomesHeartbeatLapsesTakesTheCallOverThen() {
    signalling.handle(Map.of("type", "resume", "token", token), citizen, Optional.empty());
    cutOff = true; // two nodes: the survivor counts the dead one alive for a few seconds
    lost.lost(CONTACT, Optional.of(token));
    assertFalse(signalling.isCall(CONTACT));

    cutOff = false;
    homeElsewhere = false;
    timers.remove(RelayedCallSockets.HOME_LOST_WAIT).run();

    assertTrue(signalling.isCall(CONTACT), "taken over once no longer cut off");
    assertEquals(List.of("rehomed"), citizen.types());
  }

  @Test
  void aNodeWithOnlyTheHostsSocketRebuildsTheCallAfterAWaitAndTheCitizenResumesIntoIt() {
    signalling.handle(Map.of("type", "join", "contactId", CONTACT.value()), host, Optional.of(HOST));
    lost.lost(CONTACT, Optional.of(token));
    assertEquals(List.of(), host.types(), "nothing before the wait");

    timers.remove(RelayedCallSockets.HOME_LOST_WAIT).run();

    assertEquals(List.of("rehomed", "peer-left"), host.types());
    assertEquals("citizen", host.last("peer-left").get("party"));
    assertTrue(timers.containsKey(Duration.ofSeconds(30)), "the citizen's grace period runs");
    signalling.handle(Map.of("type", "resume", "token", token), citizen, Optional.empty());
    assertEquals("session", citizen.types().get(0));
    assertTrue(citizen.types().contains("agent"), citizen.types().toString());
    assertEquals(List.of("rehomed", "peer-left", "peer-back", "ready"), host.types());
    assertTrue(timers.isEmpty(), "the grace timer is cancelled");
  }

  @Test
  void aCitizenWhoNeverResumesHasHungUpAfterTheGracePeriod() {
    signalling.handle(Map.of("type", "join", "contactId", CONTACT.value()), host, Optional.of(HOST));
    lost.lost(CONTACT, Optional.of(token));
    timers.remove(RelayedCallSockets.HOME_LOST_WAIT).run();

    timers.remove(Duration.ofSeconds(30)).run();

    assertEquals(List.of("abandon c-1"), routed);
  }

  @Test
  void aHostWhoseJoinFoundNoHomeFollowsTheCallWhenANodeRebuildsIt() {
    homeElsewhere = false; // the home died with the citizen's socket and the host's; the console reconnected here
    OneNumberException refused = assertThrows(OneNumberException.class, () -> signalling.handle(
        Map.of("type", "join", "contactId", CONTACT.value()), host, Optional.of(HOST)));
    assertEquals("forbidden", refused.code());

    rehomedListener.accept(CONTACT); // the citizen resumed on another node, which rebuilt the call

    assertEquals(List.of("rejoin op-034"), routed);
  }

  @Test
  void aHostWhoseJoinWasNotAnsweredInTimeFollowsTheCallToo() {
    homeSilent = true; // just after the death the bus may still send to the dead node's address
    OneNumberException refused = assertThrows(OneNumberException.class, () -> signalling.handle(
        Map.of("type", "join", "contactId", CONTACT.value()), host, Optional.of(HOST)));
    assertEquals("unavailable", refused.code());

    rehomedListener.accept(CONTACT);

    assertEquals(List.of("rejoin op-034"), routed);
  }

  @Test
  void anOperatorTheHomeDidNotSeatIsToldTheCallEndedAndANodeThatHeardAnotherRebuildLeavesIt() {
    RecordingPeer guest = new RecordingPeer("guest");
    signalling.handle(Map.of("type", "join", "contactId", CONTACT.value()), guest, Optional.of(new AgentId("op-035")));
    lost.lost(CONTACT, Optional.of(token));
    timers.remove(RelayedCallSockets.HOME_LOST_WAIT).run();
    assertEquals(List.of("ended"), guest.types());
    assertTrue(!signalling.isCall(CONTACT), "a node with only a guest rebuilds nothing: the host's or citizen's does");
    assertEquals(List.of(), rehomed);

    CallHomeLostTest other = new CallHomeLostTest();
    other.signalling.handle(Map.of("type", "join", "contactId", CONTACT.value()), other.host, Optional.of(HOST));
    other.lost.lost(CONTACT, Optional.of(token));
    other.rehomedListener.accept(CONTACT); // the citizen's node rebuilt it first
    other.timers.remove(RelayedCallSockets.HOME_LOST_WAIT).run();
    assertEquals(List.of("rejoin op-034"), other.routed);
    assertEquals(List.of(), other.host.types());
    assertTrue(!other.signalling.isCall(CONTACT), "one home");
  }

  /** This node is the call's home (the citizen resumed here, no other node held it) and its host joined here. */
  private void homeHere() {
    homeElsewhere = false;
    signalling.handle(Map.of("type", "resume", "token", token), citizen, Optional.empty());
    signalling.handle(Map.of("type", "join", "contactId", CONTACT.value()), host, Optional.of(HOST));
    assertTrue(signalling.isCall(CONTACT));
    assertTrue(host.types().contains("ready"), host.types().toString());
    citizen.frames.clear();
    host.frames.clear();
  }

  /** This node froze longer than the heartbeat limit; another node took its call over (claimed it) meanwhile. */
  private void frozenWhileTakenOver() {
    latestClaim.put(CONTACT, "elsewhere-1");
    homeElsewhere = true;
    now = now.plusSeconds(70);
  }

  @Test
  void aWokenHomeGivesUpACallTakenOverElsewhereBeforeItsFirstFrameAndJournalsNothing() {
    homeHere();
    frozenWhileTakenOver();

    signalling.handle(Map.of("type", "hangup", "contactId", CONTACT.value()), citizen, Optional.empty());

    assertEquals(List.of(), routed, "no hang-up reaches routing's journal from the old home");
    Map<String, Object> moved = Map.of("type", "rehomed", "contactId", CONTACT.value(), "reconnect", true);
    assertEquals(List.of(moved), citizen.frames);
    assertEquals(List.of(moved), host.frames);
    assertTrue(!signalling.isCall(CONTACT), "one home: the node that took it over");
    assertTrue(timers.isEmpty(), timers.toString());

    RecordingPeer back = new RecordingPeer("citizen-again");
    signalling.handle(Map.of("type", "resume", "token", token), back, Optional.empty());
    assertEquals(List.of(), back.types(), "the resume goes to the live home (relayed), not rebuilt here");
    assertEquals("elsewhere-1", latestClaim.get(CONTACT));
  }

  @Test
  void aWokenHomeWhoseCitizensSocketClosedStartsNoGracePeriodAndNeverAbandonsTheCall() {
    homeHere();
    frozenWhileTakenOver();

    signalling.disconnected(citizen);

    assertEquals(List.of("rehomed"), host.types(), "no peer-left from the old home: the host goes to the live one");
    assertTrue(timers.isEmpty(), "no grace period whose end would abandon the call");
    assertEquals(List.of(), routed);
  }

  @Test
  void aMembershipChangeMakesTheWokenHomeReadItsClaimsAndGiveUpTheCallsTakenOver() {
    homeHere();
    frozenWhileTakenOver();
    now = now.minusSeconds(70); // even within the trusted second: a membership change reads the claims now

    membersChanged.run();

    assertEquals(List.of("rehomed"), citizen.types());
    assertEquals(true, citizen.last("rehomed").get("reconnect"));
    assertEquals(List.of("rehomed"), host.types());
    assertTrue(!signalling.isCall(CONTACT));
  }

  @Test
  void aHomeStillHoldingItsClaimGoesOnAndReadsItAtMostOnceASecond() {
    homeHere();
    int reads = claimReads;
    now = now.plusSeconds(5);

    signalling.handle(Map.of("type", "text", "contactId", CONTACT.value(), "body", "hello"), citizen, Optional.empty());
    signalling.handle(Map.of("type", "text", "contactId", CONTACT.value(), "body", "again"), citizen, Optional.empty());
    membersChanged.run();

    assertEquals(List.of("text", "text"), host.types());
    assertEquals(reads + 2, claimReads, "one read for the two texts within a second, one for the membership change");
    assertTrue(signalling.isCall(CONTACT));
    signalling.handle(Map.of("type", "hangup", "contactId", CONTACT.value()), citizen, Optional.empty());
    assertEquals(List.of("abandon c-1"), routed);
  }

  @Test
  void theGuestSeatedByTheLostHomeFollowsTheCallItsHostsNodeRebuilds() {
    guestSeated = true;
    RecordingPeer guest = new RecordingPeer("guest");
    signalling.handle(Map.of("type", "join", "contactId", CONTACT.value()), host, Optional.of(HOST));
    signalling.handle(Map.of("type", "join", "contactId", CONTACT.value()), guest, Optional.of(new AgentId("op-035")));
    lost.lost(CONTACT, Optional.of(token));
    timers.remove(RelayedCallSockets.HOME_LOST_WAIT).run();

    assertEquals(List.of("joined", "rehomed", "peer-left"), guest.types(), "back in the call, not ended");
    assertEquals(List.of("rehomed", "ready", "peer-left"), host.types());
    assertEquals("guest", host.last("ready").get("party"), "the host offers to the guest again");
    signalling.handle(Map.of("type", "resume", "token", token), citizen, Optional.empty());
    assertEquals("citizen", guest.last("ready").get("party"), "the guest offers to the citizen back");
    signalling.handle(Map.of("type", "text", "contactId", CONTACT.value(), "body", "hello"), guest, Optional.empty());
    assertEquals("guest", citizen.last("text").get("from"));
  }

  @Test
  void theGuestAloneOnItsNodeWaitsAndFollowsTheCallToTheNodeThatRebuildsIt() {
    guestSeated = true;
    RecordingPeer guest = new RecordingPeer("guest");
    signalling.handle(Map.of("type", "join", "contactId", CONTACT.value()), guest, Optional.of(new AgentId("op-035")));
    lost.lost(CONTACT, Optional.of(token));
    timers.remove(RelayedCallSockets.HOME_LOST_WAIT).run();
    assertEquals(List.of("joined"), guest.types(), "not ended: it waits for the call's new home");
    assertTrue(!signalling.isCall(CONTACT));

    rehomedListener.accept(CONTACT); // the citizen's or the host's node rebuilt the call

    assertEquals(List.of("rejoin guest op-035"), routed);
  }

  @Test
  void theNewHomeSeatsTheGuestItsNodeHandsBack() {
    homeHere();
    RecordingPeer guest = new RecordingPeer("node-c/guest");

    homeHandler.rejoin(CONTACT, guest, new AgentId("op-035"), CallParty.GUEST);

    assertEquals(List.of("rehomed", "ready"), guest.types());
    assertEquals("citizen", guest.last("ready").get("party"));
    assertEquals("guest", host.last("ready").get("party"));
    OneNumberException second = assertThrows(OneNumberException.class, () -> homeHandler.rejoin(CONTACT,
        new RecordingPeer("node-d/other"), new AgentId("op-036"), CallParty.GUEST));
    assertEquals("forbidden", second.code(), "one third party at a time");
  }

  @Test
  void aCallWhoseClaimCouldNotBeWrittenGoesOnUnfenced() {
    claimsDown = true;
    homeHere();
    claimsDown = false;
    frozenWhileTakenOver();

    signalling.handle(Map.of("type", "text", "contactId", CONTACT.value(), "body", "hello"), citizen, Optional.empty());

    assertEquals(List.of("text"), host.types(), "kept, as before the fence");
    assertTrue(signalling.isCall(CONTACT));
  }

  /**
   * Session 23: the home checked its claim (within the trusted second) and then froze before routing wrote its
   * hang-up; another node took the call over meanwhile. Routing checks the claim in the write's transaction:
   * nothing is journaled, and the woken home gives the call up as on a lost claim.
   */
  @Test
  void aHangUpWhoseClaimAnotherNodeTookAfterTheHomesCheckIsNotJournaledAndTheCallIsGivenUp() {
    homeHere();
    beforeTheWrite = () -> latestClaim.put(CONTACT, "elsewhere-1");

    signalling.handle(Map.of("type", "hangup", "contactId", CONTACT.value()), citizen, Optional.empty());

    assertEquals(List.of(), routed, "no hang-up journaled from the old home");
    Map<String, Object> moved = Map.of("type", "rehomed", "contactId", CONTACT.value(), "reconnect", true);
    assertEquals(List.of(moved), citizen.frames, "told to reconnect, not ended");
    assertEquals(List.of(moved), host.frames);
    assertTrue(!signalling.isCall(CONTACT), "given up here");
    assertEquals("elsewhere-1", latestClaim.get(CONTACT), "the old home released nothing");
  }

  @Test
  void aReturnToTheLineWhoseClaimAnotherNodeTookAfterTheCheckIsNotJournaledAndTheCallIsGivenUp() {
    homeHere();
    signalling.disconnected(host);
    citizen.frames.clear();
    beforeTheWrite = () -> latestClaim.put(CONTACT, "elsewhere-1");

    timers.remove(Duration.ofSeconds(30)).run(); // the operator's grace period ends

    assertEquals(List.of(), routed, "the call was not put back in line from the old home");
    assertEquals(List.of("rehomed"), citizen.types());
    assertTrue(!signalling.isCall(CONTACT));
  }

  @Test
  void aHangUpUnderTheCallsLatestClaimIsJournaledAndEndsTheCall() {
    homeHere();

    signalling.handle(Map.of("type", "hangup", "contactId", CONTACT.value()), host, Optional.of(HOST));

    assertEquals(List.of("wrap-up c-1"), routed);
    assertEquals(List.of("ended"), citizen.types());
    assertTrue(!signalling.isCall(CONTACT));
  }

  /** Session 23: a node (the live home) rebuilt the call while the journal says {@code who} is its guest. */
  private void rebuiltWhileAGuestIsIn(String who) {
    partyEvents.add(new PartyEvent("joined", who, T0.plusSeconds(10)));
    homeHere();
    routed.clear();
  }

  private static Map<String, Object> join() {
    return Map.of("type", "join", "contactId", CONTACT.value());
  }

  @Test
  void aGuestOfAWokenHomeJoinsAgainWhereTheCallIsRebuiltAndNothingIsJournalled() {
    homeHere();
    now = now.plusSeconds(10);
    RecordingPeer guest = new RecordingPeer("guest");
    signalling.handle(Map.of("type", "invite", "contactId", CONTACT.value(), "agent", "op-035"), host, Optional.of(HOST));
    signalling.handle(join(), guest, Optional.of(new AgentId("op-035")));
    assertEquals("guest", guest.last("joined").get("party"));
    frozenWhileTakenOver();
    signalling.handle(Map.of("type", "text", "contactId", CONTACT.value(), "body", "hello"), citizen, Optional.empty());
    assertEquals(true, guest.last("rehomed").get("reconnect"), "the guest's console is told to reconnect");
    assertTrue(!signalling.isCall(CONTACT));

    // The call's live home (this node again, as on a single server; another node in a cluster) rebuilds it when
    // the citizen resumes; the host's and the guest's consoles open new sockets and join.
    homeElsewhere = false;
    RecordingPeer citizenAgain = new RecordingPeer("citizen-again");
    RecordingPeer hostAgain = new RecordingPeer("host-again");
    RecordingPeer guestAgain = new RecordingPeer("guest-again");
    signalling.handle(Map.of("type", "resume", "token", token), citizenAgain, Optional.empty());
    signalling.handle(join(), hostAgain, Optional.of(HOST));
    int journalled = partyEvents.size();
    routed.clear();

    signalling.handle(join(), guestAgain, Optional.of(new AgentId("op-035")));

    assertEquals(List.of("joined", "ready"), guestAgain.types(), "seated as the guest again, not refused");
    assertEquals("guest", guestAgain.last("joined").get("party"));
    assertEquals("citizen", guestAgain.last("ready").get("party"), "the guest offers to the citizen");
    assertEquals("guest", hostAgain.last("ready").get("party"), "the host offers to the guest");
    assertEquals(journalled, partyEvents.size(), "no journal step: the guest never left");
    assertEquals(List.of(), routed, "no change in routing either");
    signalling.handle(Map.of("type", "text", "contactId", CONTACT.value(), "body", "hi"), guestAgain, Optional.empty());
    assertEquals("guest", citizenAgain.last("text").get("from"));
  }

  @Test
  void onlyTheGuestStillInTheCallMayJoinAgainAndARefusalNamesNoOne() {
    rebuiltWhileAGuestIsIn("op-035");

    for (RecordingPeer outsider : List.of(new RecordingPeer("op-036"), new RecordingPeer("staff"))) {
      OneNumberException refused = assertThrows(OneNumberException.class, () -> signalling.handle(join(), outsider,
          outsider.id().equals("staff") ? Optional.of(new AgentId("staff-water")) : Optional.of(new AgentId("op-036")),
          outsider.id().equals("staff") ? Optional.of("water") : Optional.empty()));
      assertEquals("forbidden", refused.code());
      assertTrue(!refused.getMessage().contains("op-035"), refused.getMessage());
    }
    RecordingPeer guest = new RecordingPeer("guest-again");
    signalling.handle(join(), guest, Optional.of(new AgentId("op-035")));
    assertEquals(List.of("joined", "ready"), guest.types());
    OneNumberException twice = assertThrows(OneNumberException.class, () -> signalling.handle(join(),
        new RecordingPeer("guest-third"), Optional.of(new AgentId("op-035"))));
    assertEquals("forbidden", twice.code(), "seated once: a second socket is not");
  }

  @Test
  void aStaffMemberStillInTheCallJoinsAgainFromTheirPage() {
    rebuiltWhileAGuestIsIn("staff-water");

    RecordingPeer staff = new RecordingPeer("staff-again");
    signalling.handle(join(), staff, Optional.of(new AgentId("staff-water")), Optional.of("water"));

    assertEquals(List.of("joined", "ready"), staff.types());
    assertEquals("guest", host.last("ready").get("party"));
  }

  @Test
  void aGuestWhoLeftOrWasInAnEarlierConnectionIsNotExpected() {
    partyEvents.add(new PartyEvent("joined", "op-035", T0.plusSeconds(10)));
    partyEvents.add(new PartyEvent("left", "op-035", T0.plusSeconds(20)));
    homeHere();
    CallHomeLostTest earlier = new CallHomeLostTest();
    earlier.partyEvents.add(new PartyEvent("joined", "op-036", T0.plusSeconds(1))); // before its connection at T0+5
    earlier.homeHere();

    for (CallHomeLostTest node : List.of(this, earlier)) {
      for (String who : List.of("op-035", "op-036")) {
        OneNumberException refused = assertThrows(OneNumberException.class, () -> node.signalling.handle(join(),
            new RecordingPeer(who), Optional.of(new AgentId(who))));
        assertEquals("forbidden", refused.code(), who);
      }
    }
  }

  @Test
  void anExpectedGuestWhoNeverComesBackHasLeftWhenTheCallEnds() {
    rebuiltWhileAGuestIsIn("op-035");

    signalling.handle(Map.of("type", "hangup", "contactId", CONTACT.value()), citizen, Optional.empty());

    assertEquals(List.of("abandon c-1", "guest left op-035"), routed, "op-035 is available again");
    assertEquals(new PartyEvent("left", "op-035", now), partyEvents.get(partyEvents.size() - 1));
  }
}
