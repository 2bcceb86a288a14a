package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.TestHttp;
import org.onenumber.testkit.FakeCallControl;

/**
 * The call-control API over a real socket against whichever database the subclass configures,
 * with testkit's {@link FakeCallControl} as the only carrier: each control checks who may use it,
 * moves routing first (journaled), then asks the carrier; routed callbacks and conference
 * requests reach the carrier through the event bus. Each test uses its own operator and queue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CallControlsTestBase {

  @Inject
  EmbeddedServer server;

  @Inject
  FakeCallControl carrier;

  private final TestHttp http = new TestHttp();

  private record Reply(int status, Map<String, Object> body) {}

  private Reply post(String path, String body, String token) throws Exception {
    return reply(http.send(server, "POST", path, body, token));
  }

  private Reply get(String path, String token) throws Exception {
    return reply(http.send(server, "GET", path, null, token));
  }

  private Reply reply(HttpResponse<String> response) throws Exception {
    Map<String, Object> body = response.body().startsWith("{") ? http.map(server, response) : Map.of();
    return new Reply(response.statusCode(), body);
  }

  private String login(String user) throws Exception {
    return http.login(server, user);
  }

  private String call(String queue, String phone) throws Exception {
    Reply created = post("/api/v1/contacts", "{\"channel\":\"VOICE\",\"phone\":\"" + phone
        + "\",\"language\":\"ko\",\"queue\":\"" + queue + "\",\"topic\":\"ivr:language=1,menu=2\"}", login("sv-01"));
    assertEquals(201, created.status(), created.body().toString());
    return (String) created.body().get("id");
  }

  private void signIn(String agent, String token, String queue) throws Exception {
    Reply login = post("/api/v1/agents/" + agent + "/login", "{\"queues\":[\"" + queue + "\"]}", token);
    assertEquals(200, login.status(), login.body().toString());
  }

  /** Waits for the offer of {@code contact} to {@code agent} and accepts it. */
  private void answer(String agent, String token, String contact) throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> state(contact, token).equals("OFFERED"));
    Reply accepted = post("/api/v1/offers/" + contact + "/accept", "{}", token);
    assertEquals(200, accepted.status(), accepted.body().toString());
    assertEquals("CONNECTED", accepted.body().get("state"));
  }

  /** The contact's journaled states, read as a supervisor (an operator sees only what they hold). */
  @SuppressWarnings("unchecked")
  private List<String> journaledStates(String contact) throws Exception {
    return ((List<Map<String, Object>>) get("/api/v1/contacts/" + contact, login("sv-01")).body().get("steps")).stream()
        .map(s -> (String) s.get("state")).toList();
  }

  private String state(String contact, String token) throws Exception {
    return (String) get("/api/v1/contacts/" + contact, token).body().get("state");
  }

  @Test
  void holdsResumesConferencesAndTransfersToAQueueThroughTheCarrier() throws Exception {
    String operator = login("op-001");
    signIn("op-001", operator, "general-ko-priority");
    String contact = call("general-ko-priority", "010-5555-0201");
    answer("op-001", operator, contact);

    Reply noCall = post("/api/v1/contacts/" + contact + "/call/hold", "{}", operator);
    assertEquals(409, noCall.status());
    assertEquals("no_call", noCall.body().get("error"));
    assertEquals("CONNECTED", state(contact, operator), "refused before routing moved");

    carrier.carry(new ContactId(contact));
    Reply held = post("/api/v1/contacts/" + contact + "/call/hold", "{}", operator);
    assertEquals(200, held.status(), held.body().toString());
    assertEquals("HELD", held.body().get("state"));
    assertTrue(carrier.requests().contains("hold " + contact));
    Reply again = post("/api/v1/contacts/" + contact + "/call/hold", "{}", operator);
    assertEquals(409, again.status());
    assertEquals("illegal_transition", again.body().get("error"));

    Reply card = get("/api/v1/contacts/" + contact + "/call", operator);
    assertEquals("*********0201", card.body().get("callerNumber"), "operators see the last 4 digits only");
    assertEquals("HELD", card.body().get("state"));
    assertEquals(true, card.body().get("carried"));
    assertEquals("ivr:language=1,menu=2", card.body().get("topic"));
    assertEquals("+821055550201", get("/api/v1/contacts/" + contact + "/call", login("sv-01")).body()
        .get("callerNumber"), "supervisors see the whole number");

    Reply resumed = post("/api/v1/contacts/" + contact + "/call/resume", "{}", operator);
    assertEquals("CONNECTED", resumed.body().get("state"));
    assertTrue(carrier.requests().contains("resume " + contact));

    Reply conference = post("/api/v1/contacts/" + contact + "/call/conference", "{\"thirdParty\":\"+8221200999\"}",
        operator);
    assertEquals(200, conference.status(), conference.body().toString());
    await().atMost(Duration.ofSeconds(10))
        .until(() -> carrier.requests().contains("conference " + contact + " +8221200999"));

    Reply transferred = post("/api/v1/contacts/" + contact + "/call/transfer", "{\"queue\":\"english\"}", operator);
    assertEquals(200, transferred.status(), transferred.body().toString());
    assertEquals("QUEUED", transferred.body().get("state"));
    assertEquals("requeue", transferred.body().get("action"));
    assertTrue(carrier.requests().contains("requeue " + contact));
    assertEquals(List.of("CREATED", "QUEUED", "OFFERED", "CONNECTED", "HELD", "CONNECTED", "TRANSFERRED", "QUEUED"),
        journaledStates(contact));
  }

  @Test
  void onlyTheHoldingOperatorOrASupervisorMayControlTheCall() throws Exception {
    String operator = login("op-003");
    signIn("op-003", operator, "welfare-outbound");
    String contact = call("welfare-outbound", "010-5555-0202");
    answer("op-003", operator, contact);
    carrier.carry(new ContactId(contact));

    Reply stranger = post("/api/v1/contacts/" + contact + "/call/hold", "{}", login("op-002"));
    assertEquals(403, stranger.status());
    assertEquals("forbidden", stranger.body().get("error"));
    assertFalse(carrier.requests().contains("hold " + contact));

    Reply supervisor = post("/api/v1/contacts/" + contact + "/call/hold", "{}", login("sv-01"));
    assertEquals(200, supervisor.status(), supervisor.body().toString());
    assertEquals("HELD", supervisor.body().get("state"));

    assertEquals(404, post("/api/v1/contacts/no-such-contact/call/hold", "{}", operator).status());
    assertEquals(401, post("/api/v1/contacts/" + contact + "/call/resume", "{}", null).status());
    Reply bad = post("/api/v1/contacts/" + contact + "/call/transfer", "{\"queue\":\"english\",\"agent\":\"op-002\"}",
        operator);
    assertEquals(400, bad.status(), "exactly one target");
    assertEquals("HELD", state(contact, operator));
  }

  @Test
  void transfersToADepartmentDeskAndHangsUpIntoWrapUp() throws Exception {
    String operator = login("op-002");
    signIn("op-002", operator, "tax-ko");
    String first = call("tax-ko", "010-5555-0203");
    answer("op-002", operator, first);
    carrier.carry(new ContactId(first));
    assertEquals("HELD", post("/api/v1/contacts/" + first + "/call/hold", "{}", operator).body().get("state"));
    assertEquals("CONNECTED", post("/api/v1/contacts/" + first + "/call/resume", "{}", operator).body().get("state"));
    Reply unknown = post("/api/v1/contacts/" + first + "/call/transfer", "{\"department\":\"nowhere\"}", operator);
    assertEquals(400, unknown.status());
    Reply desk = post("/api/v1/contacts/" + first + "/call/transfer", "{\"department\":\"water\"}", operator);
    assertEquals(200, desk.status(), desk.body().toString());
    assertEquals("CLOSED", desk.body().get("state"));
    assertTrue(carrier.requests().contains("transfer " + first + " +82231463000"));
    Reply over = post("/api/v1/contacts/" + first + "/call/hold", "{}", operator);
    assertEquals(409, over.status(), "a call that left the center");
    holdTimeIsAServiceLevelFigureOf("op-002");

    String second = call("tax-ko", "010-5555-0204");
    answer("op-002", operator, second);
    carrier.carry(new ContactId(second));
    Reply hungUp = post("/api/v1/contacts/" + second + "/call/hangup", "{}", operator);
    assertEquals(200, hungUp.status(), hungUp.body().toString());
    assertTrue(List.of("WRAP_UP", "CLOSED").contains(hungUp.body().get("state")));
    assertTrue(carrier.requests().contains("hangup " + second));
  }

  /** The agent's hold time, live and in today's interval report (the call above was held, then closed). */
  @SuppressWarnings("unchecked")
  private void holdTimeIsAServiceLevelFigureOf(String agent) throws Exception {
    String supervisor = login("sv-01");
    await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/service-levels?scope=agent&id=" + agent, supervisor)
        .body().get("holdSeconds") instanceof Number n && n.doubleValue() > 0);
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).toString();
    List<Map<String, Object>> rows = (List<Map<String, Object>>) get("/api/v1/reports/intervals?date=" + today
        + "&format=json", supervisor).body().get("rows");
    Map<String, Object> total = rows.stream().filter(r -> "total".equals(r.get("interval"))
        && "agent".equals(r.get("scope")) && agent.equals(r.get("id"))).findFirst().orElseThrow();
    assertTrue(((Number) total.get("holdSeconds")).doubleValue() > 0, total.toString());
    assertTrue(((Number) total.get("handleSeconds")).doubleValue() >= ((Number) total.get("holdSeconds")).doubleValue());
  }

  @Test
  void aRoutedCallbackIsDialedByTheCallbackCarrierWithTheCitizensNumber() throws Exception {
    String operator = login("op-006");
    String contact = call("transport-ko", "010-5555-0205");
    // The citizen's callback request comes from a channel (the IVR in-process, or an integration
    // with a supervisor's rights), not from an operator.
    Reply asked = post("/api/v1/contacts/" + contact + "/callback", "{}", login("sv-01"));
    assertEquals(200, asked.status(), asked.body().toString());
    signIn("op-006", operator, "transport-ko");
    await().atMost(Duration.ofSeconds(10))
        .until(() -> carrier.requests().contains("callback " + contact + " +821055550205 op-006"));
  }

  @Test
  void theCallControlsAreInTheOpenApiDocument() throws Exception {
    String document = http.send(server, "GET", "/openapi.yml", null, null).body();
    for (String action : List.of("hold", "resume", "transfer", "conference", "hangup")) {
      assertTrue(document.contains("/api/v1/contacts/{contactId}/call/" + action + ":"), action);
    }
  }
}
