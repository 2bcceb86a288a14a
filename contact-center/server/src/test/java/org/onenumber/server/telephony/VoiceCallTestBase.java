package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onenumber.core.contact.ContactId;
import org.junit.jupiter.api.Test;
import org.onenumber.testkit.FastAgiCaller;

/**
 * One call end to end through both Asterisk interfaces of the running server: FastAGI ({@link
 * FastAgiCaller} plays the caller's channel from the captures) and AMI (the {@link AmiReplayPeer}
 * of capture 07c, held after login, answers the actions the call controls send with the recorded
 * answers). Caller → IVR (English) → contact → operator offered → {@code Dial} → answered → hold
 * (AMI {@code Redirect} of the operator's leg) → resume ({@code EXEC Bridge} of that leg) → blind
 * transfer to a second operator (AMI {@code Hangup} of the first leg, the caller back in line, then
 * {@code Dial} of the second) → hang-up. Where Asterisk's reaction to an AMI action is not in the
 * captures it is derived: a {@code Redirect} or {@code Hangup} of the operator's leg ends the
 * caller's running {@code Dial}/{@code Bridge} with {@code 0} ({@link FastAgiCaller#operatorLeaves},
 * as 03a's ended Dial). The journal's states and timestamps and the service levels' hold time are
 * read through the API. A second call goes through a consult (attended) transfer.
 */
abstract class VoiceCallTestBase extends AsteriskPeerTestBase {

  @Test
  void aCallIsAnsweredHeldResumedTransferredBlindToASecondOperatorAndHungUp() throws Exception {
    awaitAmiReady();
    FastAgiCaller caller = caller("PJSIP/caller-00000201", "1796162000.201", "01055500201");
    String contact = waitingContact(caller);

    // Offered to the first operator, dialled, answered on the operator's leg (U() script).
    String first = http.login(server, "op-022");
    logInToEnglish("op-022", first);
    caller.await("EXEC Dial PJSIP/op-022,", WITHIN);
    await().atMost(WITHIN).until(() -> "CONNECTED".equals(contact(contact).get("state")));
    String firstLeg = agentChannel(contact);
    assertTrue(firstLeg.startsWith("PJSIP/op-022-"), firstLeg);

    // Hold: AMI redirects the operator's leg to the hold context; the caller hears music.
    int redirects = peer.actions("Redirect").size(); // other tests of this server may have sent some
    int hangups = peer.actions("Hangup").size();
    assertEquals("HELD", post(contact, "hold", "{}", first).get("state"));
    Map<String, String> redirect = awaitAction("Redirect", redirects + 1);
    assertEquals(firstLeg, redirect.get("channel"));
    assertEquals("onenumber-agent-hold", redirect.get("context"));
    caller.operatorLeaves();
    await().atMost(WITHIN).until(() -> count(caller, "EXEC StartMusicOnHold") >= 2);

    // Resume: the session bridges the caller with the waiting leg.
    assertEquals("CONNECTED", post(contact, "resume", "{}", first).get("state"));
    caller.await("EXEC Bridge " + firstLeg, WITHIN);

    // Blind transfer to a second operator: AMI hangs the first leg up, the caller waits, op-023 rings.
    String second = http.login(server, "op-023");
    logInToEnglish("op-023", second);
    Map<String, Object> moved = post(contact, "transfer", "{\"agent\":\"op-023\"}", first);
    assertEquals("requeue", moved.get("action"), moved.toString());
    assertEquals(firstLeg, awaitAction("Hangup", hangups + 1).get("channel"));
    caller.operatorLeaves();
    caller.await("EXEC Dial PJSIP/op-023,", WITHIN);
    await().atMost(WITHIN).until(() -> "CONNECTED".equals(contact(contact).get("state"))
        && "op-023".equals(contact(contact).get("agent")));

    // The caller hangs up: wrap-up, closed by the second operator.
    caller.hangUp();
    await().atMost(WITHIN).until(() -> "WRAP_UP".equals(contact(contact).get("state")));
    caller.awaitClosed(WITHIN);
    Map<String, Object> closed = send("POST", "/api/v1/contacts/" + contact + "/close", "{\"outcome\":\"RESOLVED\"}",
        second);
    assertEquals("CLOSED", closed.get("state"), closed.toString());

    List<Map<String, Object>> steps = steps(contact);
    assertEquals(List.of("CREATED", "QUEUED", "OFFERED", "CONNECTED", "HELD", "CONNECTED", "TRANSFERRED", "QUEUED",
        "OFFERED", "CONNECTED", "WRAP_UP", "CLOSED"), steps.stream().map(s -> s.get("state")).toList());
    List<Instant> at = steps.stream().map(s -> instant(s.get("at"))).toList();
    for (int i = 1; i < at.size(); i++) {
      assertTrue(!at.get(i).isBefore(at.get(i - 1)), "timestamps in order: " + steps);
    }
    assertEquals("op-022", steps.get(3).get("agent"));
    assertEquals("op-023", steps.get(9).get("agent"));
    assertTrue(at.get(5).isAfter(at.get(4)), "the hold lasted: " + steps);

    String supervisor = http.login(server, "sv-01");
    await().atMost(WITHIN).until(() -> send("GET", "/api/v1/service-levels?scope=agent&id=op-022", null, supervisor)
        .get("holdSeconds") instanceof Number n && n.doubleValue() > 0);
    Map<String, Object> held = send("GET", "/api/v1/service-levels?scope=agent&id=op-022", null, supervisor);
    double holdSeconds = ((Number) held.get("holdSeconds")).doubleValue();
    double journaled = Duration.between(at.get(4), at.get(5)).toNanos() / 1e9;
    assertEquals(journaled, holdSeconds, 0.01, "the hold time is the journaled HELD→CONNECTED time: " + held);
    await().atMost(WITHIN).until(() -> send("GET", "/api/v1/service-levels?scope=queue&id=english", null, supervisor)
        .get("handled") instanceof Number n && n.longValue() >= 1);
    Map<String, Object> english = send("GET", "/api/v1/service-levels?scope=queue&id=english", null, supervisor);
    assertTrue(((Number) english.get("handleSeconds")).doubleValue() >= holdSeconds, english.toString());
    assertTrue(((Number) english.get("answered")).longValue() >= 1, english.toString());
  }

  /**
   * Consult (attended) transfer end to end. Asterisk's side is derived from the captures: the
   * operator's leg is moved into a consult room by {@code Redirect} (05a) and the consulted
   * operator's device is originated into that room (05b, 04a); the peer answers that Originate as
   * 04a recorded it, {@code OriginateResponse Success} with the answered leg's real channel name,
   * so on completion the session bridges the caller with that leg ({@code EXEC Bridge}) while AMI
   * hangs up the first leg, and the consult leg is the call's operator leg from then on.
   */
  /** A call connected with op-024 (English), and op-025 logged in to the Chinese queue, ready to be consulted. */
  private record Consulting(String supervisor, String first, String consulted, FastAgiCaller caller, String contact) {}

  private Consulting connectedWithOp025Ready(String channel, String uniqueId, String number) throws Exception {
    awaitAmiReady();
    String supervisor = http.login(server, "sv-01");
    String first = http.login(server, "op-024");
    logInToEnglish("op-024", first);
    FastAgiCaller caller = caller(channel, uniqueId, number);
    String contact = waitingContact(caller);
    await().atMost(WITHIN).until(() -> "CONNECTED".equals(contact(contact).get("state")));
    String consulted = http.login(server, "op-025");
    Map<String, Object> in = send("POST", "/api/v1/agents/op-025/login", "{\"queues\":[\"chinese\"]}", consulted);
    assertTrue(!in.containsKey("error"), in.toString());
    return new Consulting(supervisor, first, consulted, caller, contact);
  }

  /**
   * The consulted operator answers (04a's {@code OriginateResponse Success}) and hangs up before the
   * first operator completes: that leg's {@code Hangup} is capture 05b's recorded {@code Hangup} of
   * its consult leg, renamed to 04a's channel (no capture holds both in this order). Completing is
   * refused with 409 before routing moves anything; the caller stays on hold with the first
   * operator, who goes back to the caller. Its operators (op-024, op-025) log out at the end.
   * Before session 10 the caller was sent into the empty room and the first operator's leg was hung up.
   */
  @Test
  void aConsultWhoseConsultedOperatorHungUpCannotBeCompletedAndTheCallerStaysWithTheOperator() throws Exception {
    Consulting c = connectedWithOp025Ready("PJSIP/caller-00000302", "1796162000.302", "01055500302");
    FastAgiCaller caller = c.caller();
    String contact = c.contact();
    String firstLeg = agentChannel(contact);
    int originates = peer.actions("Originate").size();
    long music = count(caller, "EXEC StartMusicOnHold");
    assertEquals("HELD", post(contact, "consult", "{\"agent\":\"op-025\"}", c.supervisor()).get("state"));
    awaitAction("Originate", originates + 1);
    caller.operatorLeaves();
    await().atMost(WITHIN).until(() -> count(caller, "EXEC StartMusicOnHold") > music);
    await().atMost(WITHIN).until(() -> ami.callControl().consultLegOf(new ContactId(contact)).isPresent());
    int hangups = peer.actions("Hangup").size();
    peer.sendRecorded("05b-confbridge-3way", "Hangup", "PJSIP/agent-001-00000010", "PJSIP/agent-001-00000008");
    await().atMost(WITHIN).until(() -> ami.callControl().consultPartyLeft(new ContactId(contact)));

    java.net.http.HttpResponse<String> refused = http.send(server, "POST", "/api/v1/contacts/" + contact + "/call/consult/complete",
        "{}", c.supervisor());
    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("illegal_transition"), refused.body());
    assertTrue(!refused.body().contains("01055500302") && !refused.body().contains("agent-001"), refused.body());
    assertEquals("HELD", contact(contact).get("state"));
    assertEquals("op-024", contact(contact).get("agent"), "the call stays the first operator's");
    assertEquals(firstLeg, agentChannel(contact));
    assertEquals(hangups, peer.actions("Hangup").size(), "nobody is hung up");

    Map<String, Object> back = post(contact, "consult/cancel", "{}", c.supervisor());
    assertEquals("CONNECTED", back.get("state"), back.toString());
    caller.await("EXEC Bridge " + firstLeg, WITHIN);
    caller.hangUp();
    await().atMost(WITHIN).until(() -> "WRAP_UP".equals(contact(contact).get("state")));
    caller.awaitClosed(WITHIN);
    // leaves no operator logged in for the other tests of this server
    assertEquals("CLOSED", send("POST", "/api/v1/contacts/" + contact + "/close", "{\"outcome\":\"RESOLVED\"}", c.first())
        .get("state"));
    for (String[] agent : new String[][] {{"op-024", c.first()}, {"op-025", c.consulted()}}) {
      Map<String, Object> out = send("POST", "/api/v1/agents/" + agent[0] + "/logout", "{}", agent[1]);
      assertTrue(!out.containsKey("error"), out.toString());
    }
  }

  @Test
  void aConsultTransferHandsTheCallToTheConsultedOperatorWithTheConsultCountedAsHold() throws Exception {
    Consulting c = connectedWithOp025Ready("PJSIP/caller-00000301", "1796162000.301", "01055500301");
    String supervisor = c.supervisor();
    String consulted = c.consulted();
    FastAgiCaller caller = c.caller();
    String contact = c.contact();
    String firstAgent = (String) contact(contact).get("agent");
    String firstLeg = agentChannel(contact);

    assertEquals(400, http.send(server, "POST", "/api/v1/contacts/" + contact + "/call/consult",
        "{\"agent\":\"op-025\",\"department\":\"transport\"}", supervisor).statusCode(), "exactly one target");
    int redirects = peer.actions("Redirect").size();
    int originates = peer.actions("Originate").size();
    int hangups = peer.actions("Hangup").size();
    long music = count(caller, "EXEC StartMusicOnHold");
    Map<String, Object> held = post(contact, "consult", "{\"agent\":\"op-025\"}", supervisor);
    assertEquals("HELD", held.get("state"), held.toString());
    Map<String, String> redirect = awaitAction("Redirect", redirects + 1);
    assertEquals(firstLeg, redirect.get("channel"));
    assertEquals("onenumber-conference", redirect.get("context"));
    String room = redirect.get("exten");
    Map<String, String> originate = awaitAction("Originate", originates + 1);
    assertEquals("PJSIP/op-025", originate.get("channel"));
    assertEquals(room, originate.get("exten"));
    caller.operatorLeaves();
    await().atMost(WITHIN).until(() -> count(caller, "EXEC StartMusicOnHold") > music);

    Map<String, Object> done = post(contact, "consult/complete", "{}", supervisor);
    assertEquals("CONNECTED", done.get("state"), done.toString());
    assertEquals("op-025", contact(contact).get("agent"));
    caller.await("EXEC Bridge PJSIP/agent-001-00000008", WITHIN);
    assertEquals("PJSIP/agent-001-00000008", agentChannel(contact));
    assertEquals(firstLeg, awaitAction("Hangup", hangups + 1).get("channel"));
    assertEquals(409, http.send(server, "POST", "/api/v1/contacts/" + contact + "/call/consult/cancel", "{}",
        supervisor).statusCode(), "no consult left to cancel");

    caller.hangUp();
    await().atMost(WITHIN).until(() -> "WRAP_UP".equals(contact(contact).get("state")));
    caller.awaitClosed(WITHIN);
    Map<String, Object> closed = send("POST", "/api/v1/contacts/" + contact + "/close", "{\"outcome\":\"RESOLVED\"}",
        consulted);
    assertEquals("CLOSED", closed.get("state"), "the consulted operator holds the call now: " + closed);

    List<Map<String, Object>> steps = steps(contact);
    assertEquals(List.of("CREATED", "QUEUED", "OFFERED", "CONNECTED", "HELD", "CONNECTED", "WRAP_UP", "CLOSED"),
        steps.stream().map(s -> s.get("state")).toList());
    assertEquals("consult:agent:op-025", steps.get(4).get("reason"));
    assertEquals("op-025", steps.get(5).get("agent"));
    assertEquals("consult-transfer:" + firstAgent, steps.get(5).get("reason"));
    double journaled = Duration.between(instant(steps.get(4).get("at")), instant(steps.get(5).get("at"))).toNanos() / 1e9;
    assertTrue(journaled > 0, steps.toString());
    // Hold time is Σ hold ÷ handled: the consult's hold is the first operator's, the handled call the
    // consulted one's, so the queue's figure is the one that shows it whichever test ran first.
    await().atMost(WITHIN).until(() -> send("GET", "/api/v1/service-levels?scope=queue&id=english", null,
        supervisor).get("holdSeconds") instanceof Number n && n.doubleValue() > 0);
    send("POST", "/api/v1/agents/op-025/logout", "{}", consulted);
    send("POST", "/api/v1/agents/op-024/logout", "{}", c.first());
  }

  private Map<String, String> awaitAction(String name, int count) {
    await().atMost(WITHIN).until(() -> peer.actions(name).size() >= count);
    return peer.actions(name).get(count - 1);
  }

  private static Instant instant(Object json) {
    return json instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Instant.parse(json.toString());
  }

  private static long count(FastAgiCaller caller, String prefix) {
    return caller.texts().stream().filter(t -> t.startsWith(prefix)).count();
  }

  private Map<String, Object> post(String contact, String control, String body, String token) throws Exception {
    return send("POST", "/api/v1/contacts/" + contact + "/call/" + control, body, token);
  }

  private Map<String, Object> contact(String id) throws Exception {
    return contact(id, http.login(server, "sv-01"));
  }

  private List<Map<String, Object>> steps(String contact) throws Exception {
    return steps(contact, http.login(server, "sv-01"));
  }
}
