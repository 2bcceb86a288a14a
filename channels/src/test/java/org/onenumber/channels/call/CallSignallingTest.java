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
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.testkit.FakeContactJournal;

class CallSignallingTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final AgentId OPERATOR = new AgentId("op-034");
  private static final AgentId INTERPRETER = new AgentId("op-035");
  private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

  private final FakeContactJournal journal = new FakeContactJournal();
  private final List<OpenContactCommand> opened = new ArrayList<>();
  private final List<String> routed = new ArrayList<>();
  /** What routing's hand-over of a hang-up answers: journaled at once unless a test holds it. */
  private CompletableFuture<Boolean> hangUpJournaled = CompletableFuture.completedFuture(true);
  private final Map<Duration, Runnable> timers = new HashMap<>();
  private final Map<String, CallQuality> qualities = new HashMap<>();
  private final List<String> invitations = new ArrayList<>();
  private final List<String> partyLog = new ArrayList<>();
  private final Set<AgentId> consolesOpen = Set.of(OPERATOR, new AgentId("op-035"));
  private int contacts;

  private final CallSignalling signalling = new CallSignalling(command -> {
    opened.add(command);
    Contact contact = Contact.create(new ContactId("c-" + ++contacts), command.channel(), new CitizenId("citizen-1"),
        command.language(), Set.of(), 20, command.topic(), T0)
        .moveTo(new ContactStep(ContactState.QUEUED, T0, null, command.queue(), "intake"));
    journal.append(contact, List.of());
    return contact;
  }, new CallRouting() {
    @Override
    public CompletionStage<Boolean> citizenHungUp(ContactId contact, String claim) {
      routed.add("abandon " + contact.value());
      return hangUpJournaled;
    }

    @Override
    public CompletionStage<Boolean> operatorHungUp(ContactId contact, AgentId operator, String claim) {
      routed.add("wrap-up " + contact.value() + " by " + operator.value());
      return hangUpJournaled;
    }

    @Override
    public boolean returnToLine(ContactId contact, QueueId queue, String claim) {
      routed.add("return " + contact.value() + " to " + queue.value());
      return true;
    }

    @Override
    public boolean invite(AgentId guest, ContactId contact, AgentId host) {
      invitations.add(guest.value() + " to " + contact.value() + " by " + host.value());
      return consolesOpen.contains(guest);
    }

    @Override
    public Optional<AgentId> inviteFromQueue(QueueId queue, ContactId contact, AgentId host,
        java.util.function.Predicate<AgentId> alreadyGuest) {
      if (!queue.value().equals("sign-language-video") || alreadyGuest.test(INTERPRETER)) {
        return Optional.empty();
      }
      invite(INTERPRETER, contact, host);
      return Optional.of(INTERPRETER);
    }

    @Override
    public void guestJoined(AgentId agent) {
      routed.add("break " + agent.value());
    }

    @Override
    public void guestLeft(String guest) {
      if (!CallPartyJournal.LINK.equals(guest)) {
        routed.add("back " + guest);
      }
    }

    @Override
    public boolean inviteDepartment(String department, ContactId contact, AgentId host) {
      invitations.add(department + " to " + contact.value() + " by " + host.value());
      return department.equals("water");
    }

    @Override
    public String agentName(AgentId agent) {
      return "문지호";
    }
  }, journal, (delay, task) -> {
    timers.put(delay, task);
    return () -> timers.remove(delay);
  }, (contact, q) -> qualities.put(contact.value(), q), new CallPartyJournal() {
    @Override
    public void joined(ContactId contact, CallParty party, String who) {
      partyLog.add(who + " joined " + contact.value() + " as " + party.code());
    }

    @Override
    public void left(ContactId contact, CallParty party, String who) {
      partyLog.add(who + " left " + contact.value());
    }

    @Override
    public Optional<String> stillIn(ContactId contact, CallParty party, java.time.Instant since) {
      return Optional.empty(); // one node: no call is rebuilt while a guest is in it
    }
  },
      new CallSignalling.Settings(Duration.ofSeconds(30), IceServers.NONE), () -> T0, new SplittableRandom(7));

  private final RecordingPeer citizen = new RecordingPeer("citizen");
  private final RecordingPeer operator = new RecordingPeer("operator");

  private String startSignLanguageCall(RecordingPeer peer, String caller) {
    signalling.handle(Map.of("type", "start", "mode", "sign", "language", "en", "caller", caller), peer, Optional.empty());
    return (String) peer.last("session").get("contactId");
  }

  private void connect(String contact) {
    Contact c = journal.find(new ContactId(contact)).orElseThrow();
    Contact offered = c.moveTo(new ContactStep(ContactState.OFFERED, T0.plusSeconds(4), OPERATOR, c.queue(), "offer"));
    journal.append(offered.moveTo(new ContactStep(ContactState.CONNECTED, T0.plusSeconds(5), OPERATOR, c.queue(),
        "accept")), List.of());
    signalling.stateChanged(c.id(), ContactState.CONNECTED, OPERATOR);
  }

  private static String error(Runnable frame) {
    return assertThrows(OneNumberException.class, frame::run).code();
  }

  @Test
  void aSignLanguageCallIsAVideoContactInKslForTheSigningQueue() {
    startSignLanguageCall(citizen, "browser-0001");
    OpenContactCommand command = opened.get(0);
    assertEquals("VIDEO", command.channel().name());
    assertEquals("kvk", command.language().code());
    assertEquals("sign-language-video", command.queue().value());
    assertEquals(List.of("session", "waiting"), citizen.types());
    assertEquals("all", citizen.last("session").get("iceTransportPolicy"));
  }

  @Test
  void aVoiceCallIsAVoiceContactInThePageLanguageWhoseQueueIntakeChooses() {
    signalling.handle(Map.of("type", "start", "mode", "voice", "language", "vi", "caller", "browser-0002"), citizen,
        Optional.empty());
    assertEquals("VOICE", opened.get(0).channel().name());
    assertEquals("vi", opened.get(0).language().code());
    assertEquals(null, opened.get(0).queue());
  }

  @Test
  void aQueuePositionPublishedBeforeTheCallIsKnownReachesTheCitizen() {
    signalling.queuePosition(new ContactId("c-1"), 3L, 95L);
    startSignLanguageCall(citizen, "browser-0001");
    assertEquals(3L, citizen.last("queue").get("position"));
    signalling.queuePosition(new ContactId("c-1"), 2L, 60L);
    assertEquals(2L, citizen.last("queue").get("position"));
  }

  @Test
  void oneCallPerCallerAtATimeTheOthersAreRefusedWithAClearMessage() {
    startSignLanguageCall(citizen, "browser-0001");
    for (int i = 0; i < 9; i++) {
      RecordingPeer tab = new RecordingPeer("tab-" + i);
      assertEquals("call_in_progress", error(() -> startSignLanguageCall(tab, "browser-0001")));
    }
    assertEquals(1, opened.size());
    assertEquals("call_in_progress", error(() -> startSignLanguageCall(citizen, "browser-0009")),
        "one connection carries one call");
  }

  @Test
  void offersAnswersAndCandidatesFlowOnlyBetweenTheTwoPartiesOfTheContact() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    connect(contact);
    assertEquals("문지호", citizen.last("agent").get("name"));
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    assertEquals(List.of("joined", "ready"), operator.types());

    signalling.handle(Map.of("type", "offer", "contactId", contact, "sdp", SDP, "extra", "dropped"), operator,
        Optional.of(OPERATOR));
    assertEquals(Map.of("type", "offer", "sdp", SDP, "contactId", contact, "from", "operator"), citizen.last("offer"));
    signalling.handle(Map.of("type", "answer", "contactId", contact, "sdp", SDP), citizen, Optional.empty());
    assertEquals(SDP, operator.last("answer").get("sdp"));
    signalling.handle(Map.of("type", "candidate", "contactId", contact, "candidate",
        "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "sdpMid", "0", "sdpMLineIndex", 0), citizen,
        Optional.empty());
    assertEquals("0", operator.last("candidate").get("sdpMid"));

    RecordingPeer stranger = new RecordingPeer("stranger");
    String other = startSignLanguageCall(stranger, "browser-0002");
    assertEquals("forbidden", error(() -> signalling.handle(Map.of("type", "offer", "contactId", contact, "sdp", SDP),
        stranger, Optional.empty())));
    assertEquals("forbidden", error(() -> signalling.handle(Map.of("type", "answer", "contactId", other, "sdp", SDP),
        citizen, Optional.empty())));
    assertEquals("forbidden", error(() -> signalling.handle(Map.of("type", "join", "contactId", other), operator,
        Optional.of(OPERATOR))), "a call not connected to this operator");
    assertEquals("forbidden", error(() -> signalling.handle(Map.of("type", "join", "contactId", contact),
        new RecordingPeer("op-2"), Optional.of(new AgentId("op-035")))));
    assertEquals("forbidden", error(() -> signalling.handle(Map.of("type", "join", "contactId", contact),
        stranger, Optional.empty())), "a citizen cannot join");
    assertFalse(stranger.types().contains("offer"));
  }

  @Test
  void oversizedOrMalformedSdpAndCandidatesAreInvalidInputWithoutQuotingThem() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    String huge = "v=0\r\n" + "a=x\r\n".repeat(5_000);
    for (Map<String, Object> bad : List.<Map<String, Object>>of(
        Map.of("type", "offer", "contactId", contact, "sdp", huge),
        Map.of("type", "offer", "contactId", contact, "sdp", "<script>alert(1)</script>"),
        Map.of("type", "offer", "contactId", contact, "sdp", 42),
        Map.of("type", "candidate", "contactId", contact, "candidate", "not a candidate"),
        Map.of("type", "candidate", "contactId", contact, "candidate", "candidate:1", "sdpMLineIndex", 99),
        Map.of("type", "hello", "contactId", contact))) {
      OneNumberException e = assertThrows(OneNumberException.class,
          () -> signalling.handle(bad, operator, Optional.of(OPERATOR)));
      assertEquals("invalid_input", e.code(), bad.toString());
      assertFalse(e.getMessage().contains("<script") || e.getMessage().contains("a=x"), e.getMessage());
    }
    assertFalse(citizen.types().contains("offer"));
  }

  @Test
  void whatTheCitizenWritesWhileWaitingIsHandedToTheOperatorWhoJoins() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    signalling.handle(Map.of("type", "text", "contactId", contact, "body", "수도가 \u0007안 나와요"), citizen,
        Optional.empty());
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    assertEquals(List.of("수도가 안 나와요"), operator.last("joined").get("texts"));
    signalling.handle(Map.of("type", "text", "contactId", contact, "body", "어디세요?"), operator, Optional.of(OPERATOR));
    assertEquals("operator", citizen.last("text").get("from"));
  }

  @Test
  void theCitizenHangingUpEndsTheContactAndTellsBothSides() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    signalling.handle(Map.of("type", "hangup", "contactId", contact), citizen, Optional.empty());
    assertEquals(List.of("abandon " + contact), routed);
    assertTrue(citizen.types().contains("ended") && operator.types().contains("ended"));
    startSignLanguageCall(new RecordingPeer("later"), "browser-0001");
    assertEquals(2, opened.size(), "after hanging up the citizen may call again");
  }

  /**
   * Issue #17: a hang-up waited for routing's commit on the socket's thread (and was lost, answered
   * with an error frame, when the commit failed). Now it is handed over while routing's commits are
   * refused (the stage stays open while routing tries again): the frame returns at once, the
   * socket's next frames are served, the call is kept (the operator still reaches the citizen, the
   * same browser cannot start a second call, a second hang-up hands nothing more) until routing
   * journaled the end.
   */
  @Test
  void aHangUpIsHandedToRoutingWithoutWaitingAndTheCallIsKeptUntilItsEndIsJournaled() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    hangUpJournaled = new CompletableFuture<>();

    signalling.handle(Map.of("type", "hangup", "contactId", contact), citizen, Optional.empty());
    assertEquals(List.of("abandon " + contact), routed);
    signalling.handle(Map.of("type", "hangup", "contactId", contact), citizen, Optional.empty());
    signalling.disconnected(citizen);
    assertEquals(List.of("abandon " + contact), routed, "handed over once");
    assertTrue(signalling.isCall(new ContactId(contact)), "kept until the end is journaled");
    assertFalse(operator.types().contains("ended"));
    assertEquals("call_in_progress", error(() -> startSignLanguageCall(new RecordingPeer("tab"), "browser-0001")));
    signalling.handle(Map.of("type", "text", "contactId", contact, "body", "are you there?"), operator,
        Optional.of(OPERATOR));

    hangUpJournaled.complete(true); // routing journaled the abandon at its third try
    assertFalse(signalling.isCall(new ContactId(contact)));
    assertTrue(operator.types().contains("ended"));
    startSignLanguageCall(new RecordingPeer("later"), "browser-0001");
    assertEquals(2, opened.size(), "after the end is journaled the citizen may call again");
  }

  /**
   * Session 23: the claim sweep ends a call whose home died only when no node holds it for sure. A call held here is
   * held (whatever the other nodes say; one node alone has none); once it ended here, nobody holds it.
   */
  @Test
  void aCallHeldHereIsNeverHeldNowhere() {
    String contact = startSignLanguageCall(citizen, "browser-0002");
    assertFalse(signalling.heldNowhere(new ContactId(contact)));
    signalling.stateChanged(new ContactId(contact), ContactState.ABANDONED, null);
    assertTrue(signalling.heldNowhere(new ContactId(contact)));
  }

  @Test
  void anOperatorsHangUpIsHandedOverOnceAndTheCallEndsWhenRoutingJournaledIt() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    hangUpJournaled = new CompletableFuture<>();
    signalling.handle(Map.of("type", "hangup", "contactId", contact), operator, Optional.of(OPERATOR));
    signalling.handle(Map.of("type", "hangup", "contactId", contact), operator, Optional.of(OPERATOR));
    assertEquals(List.of("wrap-up " + contact + " by " + OPERATOR.value()), routed, "handed over once");
    assertTrue(signalling.isCall(new ContactId(contact)));
    hangUpJournaled.complete(true); // journaled, or refused: the contact had ended
    assertFalse(signalling.isCall(new ContactId(contact)));
    assertEquals("ended", citizen.frames.get(citizen.frames.size() - 1).get("type"));
  }

  @Test
  void theOperatorHangingUpPutsTheContactInWrapUpAndRoutingEndsTheCall() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    signalling.handle(Map.of("type", "hangup", "contactId", contact), operator, Optional.of(OPERATOR));
    assertEquals(List.of("wrap-up " + contact + " by " + OPERATOR.value()), routed);
    signalling.stateChanged(new ContactId(contact), ContactState.WRAP_UP, OPERATOR);
    assertEquals("ended", citizen.frames.get(citizen.frames.size() - 1).get("type"));
    assertFalse(signalling.isCall(new ContactId(contact)));
  }

  @Test
  void aRingNoAnswerPutsTheCitizenBackToWaiting() {
    startSignLanguageCall(citizen, "browser-0001");
    signalling.stateChanged(new ContactId("c-1"), ContactState.OFFERED, OPERATOR);
    signalling.stateChanged(new ContactId("c-1"), ContactState.QUEUED, null);
    assertEquals(List.of("session", "waiting", "waiting"), citizen.types());
  }

  @Test
  void aCitizenWhoResumesWithinTheGracePeriodGetsTheCallBackAndTheOperatorOffersAgain() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    String token = (String) citizen.last("session").get("token");
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    signalling.disconnected(citizen);
    assertEquals("peer-left", operator.frames.get(operator.frames.size() - 1).get("type"));
    assertTrue(timers.containsKey(Duration.ofSeconds(30)));

    RecordingPeer back = new RecordingPeer("citizen-again");
    signalling.handle(Map.of("type", "resume", "token", token), back, Optional.empty());
    assertEquals(List.of("session", "agent"), back.types());
    assertEquals(List.of("peer-back", "ready"), operator.types().subList(operator.types().size() - 2, operator.types().size()));
    assertTrue(timers.isEmpty(), "the grace timer is cancelled");
    assertEquals(List.of(), routed);
  }

  @Test
  void aCitizenWhoDoesNotComeBackWithinTheGracePeriodHasHungUp() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    signalling.disconnected(citizen);
    timers.get(Duration.ofSeconds(30)).run();
    assertEquals(List.of("abandon " + contact), routed);
  }

  @Test
  void theOperatorsConsoleReportsTheCallQualityWhichIsKeptForSupervisors() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    signalling.handle(Map.of("type", "quality", "contactId", contact, "firstFrameMs", 412, "rttMs", 3,
        "lossPercent", 0.5, "fps", 29.7, "bitrateKbps", 1200, "framesDecoded", 900), operator, Optional.of(OPERATOR));
    assertEquals(new CallQuality(412L, 3L, 0.5, 29.7, 1200L, 900L), qualities.get(contact));
    assertEquals("invalid_input", error(() -> signalling.handle(Map.of("type", "quality", "contactId", contact,
        "lossPercent", 140), operator, Optional.of(OPERATOR))));
    assertEquals("forbidden", error(() -> signalling.handle(Map.of("type", "quality", "contactId", contact,
        "fps", 30), citizen, Optional.empty())));
  }

  @Test
  void anOperatorWhoseConsoleReconnectsJoinsAgainAndRenegotiates() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    signalling.disconnected(operator);
    assertEquals("peer-left", citizen.frames.get(citizen.frames.size() - 1).get("type"));
    RecordingPeer again = new RecordingPeer("operator-again");
    signalling.handle(Map.of("type", "join", "contactId", contact), again, Optional.of(OPERATOR));
    assertEquals(List.of("joined", "ready"), again.types());
    assertTrue(timers.isEmpty(), "the operator's grace timer is cancelled");
    assertEquals(List.of(), routed);
  }

  @Test
  void anOperatorWhoDoesNotComeBackLosesTheCallWhichGoesBackToTheHeadOfTheLine() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    signalling.disconnected(operator);
    timers.get(Duration.ofSeconds(30)).run();
    assertEquals(List.of("return " + contact + " to sign-language-video"), routed);
    signalling.stateChanged(new ContactId(contact), ContactState.QUEUED, null);
    assertEquals("waiting", citizen.frames.get(citizen.frames.size() - 1).get("type"));
  }

  @Test
  void anUnknownResumeTokenIsNotFound() {
    assertEquals("not_found", error(() -> signalling.handle(Map.of("type", "resume", "token", "nope"), citizen,
        Optional.empty())));
  }


  /** A connected call whose host has joined; returns the contact id. */
  private String hostedCall() {
    String contact = startSignLanguageCall(citizen, "browser-0001");
    connect(contact);
    signalling.handle(Map.of("type", "join", "contactId", contact), operator, Optional.of(OPERATOR));
    return contact;
  }

  private void send(RecordingPeer from, Optional<AgentId> who, Object... keyValues) {
    Map<String, Object> frame = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      frame.put((String) keyValues[i], keyValues[i + 1]);
    }
    signalling.handle(frame, from, who);
  }

  @Test
  void anInvitedOperatorJoinsAsTheThirdPartyAndEachNewPairIsOfferedByItsOfferingEnd() {
    String contact = hostedCall();
    RecordingPeer interpreter = new RecordingPeer("interpreter");
    assertEquals("forbidden", error(() -> send(interpreter, Optional.of(INTERPRETER), "type", "join",
        "contactId", contact)), "not invited yet");
    send(operator, Optional.of(OPERATOR), "type", "invite", "contactId", contact, "agent", "op-035");
    assertEquals(List.of("op-035 to " + contact + " by op-034"), invitations);
    assertEquals("op-035", operator.last("invited").get("agent"));

    send(interpreter, Optional.of(INTERPRETER), "type", "join", "contactId", contact);
    assertEquals(List.of("joined", "ready"), interpreter.types());
    assertEquals("guest", interpreter.last("joined").get("party"));
    assertEquals(List.of("citizen", "operator", "guest"), interpreter.last("joined").get("parties"));
    assertEquals("citizen", interpreter.last("ready").get("party"), "the guest offers to the citizen");
    assertEquals("guest", operator.last("ready").get("party"), "the host offers to the guest");
    assertEquals("guest", citizen.last("peer-joined").get("party"));
    assertEquals(List.of("op-035 joined " + contact + " as guest"), partyLog);

    send(interpreter, Optional.of(INTERPRETER), "type", "offer", "contactId", contact, "to", "citizen", "sdp", SDP);
    assertEquals("guest", citizen.last("offer").get("from"));
    send(citizen, Optional.empty(), "type", "answer", "contactId", contact, "to", "guest", "sdp", SDP);
    assertEquals("citizen", interpreter.last("answer").get("from"));
    send(operator, Optional.of(OPERATOR), "type", "offer", "contactId", contact, "to", "guest", "sdp", SDP);
    assertEquals("operator", interpreter.last("offer").get("from"));
    send(citizen, Optional.empty(), "type", "text", "contactId", contact, "body", "안녕하세요");
    assertEquals("citizen", interpreter.last("text").get("from"));
    assertEquals("invalid_input", error(() -> send(interpreter, Optional.of(INTERPRETER), "type", "candidate",
        "contactId", contact, "candidate", "")), "a third party names whom it signals");
    assertEquals("forbidden", error(() -> send(interpreter, Optional.of(INTERPRETER), "type", "quality",
        "contactId", contact, "fps", 30)));
  }

  @Test
  void theThirdPartyLeavesAndTheCitizenAndTheOperatorStayConnected() {
    String contact = hostedCall();
    send(operator, Optional.of(OPERATOR), "type", "invite", "contactId", contact, "agent", "op-035");
    RecordingPeer interpreter = new RecordingPeer("interpreter");
    send(interpreter, Optional.of(INTERPRETER), "type", "join", "contactId", contact);
    assertEquals("forbidden", error(() -> send(citizen, Optional.empty(), "type", "leave", "contactId", contact)));

    send(interpreter, Optional.of(INTERPRETER), "type", "leave", "contactId", contact);
    assertEquals("ended", interpreter.frames.get(interpreter.frames.size() - 1).get("type"));
    assertEquals("guest", citizen.last("peer-left").get("party"));
    assertEquals("guest", operator.last("peer-left").get("party"));
    assertEquals(List.of("break op-035", "back op-035"), routed,
        "the contact goes on; routing offered op-035 nothing meanwhile");
    assertEquals(List.of("op-035 joined " + contact + " as guest", "op-035 left " + contact), partyLog);
    send(operator, Optional.of(OPERATOR), "type", "offer", "contactId", contact, "sdp", SDP);
    assertEquals("operator", citizen.last("offer").get("from"));
    assertEquals("peer_absent", error(() -> send(operator, Optional.of(OPERATOR), "type", "offer", "contactId",
        contact, "to", "guest", "sdp", SDP)));
    assertEquals("forbidden", error(() -> send(interpreter, Optional.of(INTERPRETER), "type", "join",
        "contactId", contact)), "an invitation is used once");
  }

  @Test
  void aHearingPartyJoinsByAOneTimeLinkAndItsClosedConnectionIsALeaving() {
    String contact = hostedCall();
    send(operator, Optional.of(OPERATOR), "type", "invite", "contactId", contact, "link", true);
    String link = (String) operator.last("invited").get("link");
    assertTrue(link.length() >= 43, link);
    RecordingPeer hearing = new RecordingPeer("hearing");
    send(hearing, Optional.empty(), "type", "guest", "token", link);
    assertEquals("guest", hearing.last("joined").get("party"));
    assertEquals("citizen", hearing.last("ready").get("party"));
    assertEquals("not_found", error(() -> send(new RecordingPeer("second"), Optional.empty(), "type", "guest",
        "token", link)), "the link is used once");
    assertEquals("conflict", error(() -> send(operator, Optional.of(OPERATOR), "type", "invite", "contactId",
        contact, "link", true)), "one third party at a time");

    signalling.disconnected(hearing);
    assertEquals("guest", citizen.last("peer-left").get("party"));
    assertEquals(List.of("link joined " + contact + " as guest", "link left " + contact), partyLog);
  }

  @Test
  void onlyTheHostInvitesAndOnlyOperatorsWithAConsoleOpen() {
    String contact = hostedCall();
    assertEquals("forbidden", error(() -> send(citizen, Optional.empty(), "type", "invite", "contactId", contact,
        "link", true)));
    assertEquals("unavailable", error(() -> send(operator, Optional.of(OPERATOR), "type", "invite", "contactId",
        contact, "agent", "op-036")));
    assertEquals("invalid_input", error(() -> send(operator, Optional.of(OPERATOR), "type", "invite", "contactId",
        contact, "agent", "op-034")));
    assertEquals("invalid_input", error(() -> send(operator, Optional.of(OPERATOR), "type", "invite", "contactId",
        contact)));
    RecordingPeer stranger = new RecordingPeer("stranger");
    assertEquals("forbidden", error(() -> send(stranger, Optional.empty(), "type", "offer", "contactId", contact,
        "to", "citizen", "sdp", SDP)), "an outsider cannot signal into the call");
  }

  @Test
  void anInterpreterQueueInvitesTheOperatorRoutingPicksAndNoneFreeIsAClearError() {
    String contact = hostedCall();
    assertEquals("unavailable", error(() -> send(operator, Optional.of(OPERATOR), "type", "invite", "contactId",
        contact, "queue", "general")), "nobody free in that queue");
    send(operator, Optional.of(OPERATOR), "type", "invite", "contactId", contact, "queue", "sign-language-video");
    assertEquals("op-035", operator.last("invited").get("agent"));
    assertEquals("sign-language-video", operator.last("invited").get("queue"));
    assertEquals(List.of("op-035 to " + contact + " by op-034"), invitations);
    RecordingPeer interpreter = new RecordingPeer("interpreter");
    send(interpreter, Optional.of(INTERPRETER), "type", "join", "contactId", contact);
    assertEquals("guest", interpreter.last("joined").get("party"));

    RecordingPeer otherCitizen = new RecordingPeer("other-citizen");
    String second = startSignLanguageCall(otherCitizen, "browser-0009");
    connect(second);
    RecordingPeer otherHost = new RecordingPeer("other-host");
    signalling.handle(Map.of("type", "join", "contactId", second), otherHost, Optional.of(OPERATOR));
    assertEquals("unavailable", error(() -> send(otherHost, Optional.of(OPERATOR), "type", "invite", "contactId",
        second, "queue", "sign-language-video")), "an interpreter already in a call is not picked again");
  }

  @Test
  void oneStaffMemberOfTheInvitedDepartmentJoinsOnceAndNoOtherDepartment() {
    String contact = hostedCall();
    assertEquals("unavailable", error(() -> send(operator, Optional.of(OPERATOR), "type", "invite", "contactId",
        contact, "department", "parks")), "nobody of that department has the portal open");
    send(operator, Optional.of(OPERATOR), "type", "invite", "contactId", contact, "department", "water");
    assertEquals("water", operator.last("invited").get("department"));

    RecordingPeer roads = new RecordingPeer("roads-staff");
    assertEquals("forbidden", error(() -> signalling.handle(Map.of("type", "join", "contactId", contact), roads,
        Optional.of(new AgentId("staff-roads")), Optional.of("roads"))), "another department's staff");
    RecordingPeer water = new RecordingPeer("water-staff");
    signalling.handle(Map.of("type", "join", "contactId", contact), water, Optional.of(new AgentId("staff-water")),
        Optional.of("water"));
    assertEquals("guest", water.last("joined").get("party"));
    assertEquals("citizen", water.last("ready").get("party"));
    assertEquals(List.of("staff-water joined " + contact + " as guest"), partyLog);
    RecordingPeer colleague = new RecordingPeer("water-colleague");
    assertEquals("forbidden", error(() -> signalling.handle(Map.of("type", "join", "contactId", contact), colleague,
        Optional.of(new AgentId("staff-water-2")), Optional.of("water"))), "one staff member, once");
    signalling.handle(Map.of("type", "leave", "contactId", contact), water, Optional.of(new AgentId("staff-water")),
        Optional.of("water"));
    assertEquals("forbidden", error(() -> signalling.handle(Map.of("type", "join", "contactId", contact), colleague,
        Optional.of(new AgentId("staff-water-2")), Optional.of("water"))), "the invitation was used");
  }

  @Test
  void whenTheCallEndsTheThirdPartyHearsItToo() {
    String contact = hostedCall();
    send(operator, Optional.of(OPERATOR), "type", "invite", "contactId", contact, "link", true);
    RecordingPeer hearing = new RecordingPeer("hearing");
    send(hearing, Optional.empty(), "type", "guest", "token", operator.last("invited").get("link"));
    send(citizen, Optional.empty(), "type", "hangup", "contactId", contact);
    assertTrue(hearing.types().contains("ended") && operator.types().contains("ended"));
    assertEquals(List.of("abandon " + contact), routed);
  }
}
