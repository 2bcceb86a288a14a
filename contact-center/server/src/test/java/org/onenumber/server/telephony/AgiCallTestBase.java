package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.JsonFrames;
import org.onenumber.server.TestHttp;
import org.onenumber.telephony.asterisk.AsteriskCalls;
import org.onenumber.testkit.FastAgiCaller;
import org.onenumber.testkit.FastAgiCaller.DialOutcome;

/**
 * A simulated call end to end against the running server, over the FastAGI socket the server
 * opened: {@link FastAgiCaller} plays Asterisk from the captures in {@code shared/data/asterisk}
 * (replies it derives are listed on that class); operators log in through the API and watch their
 * console WebSocket; the journal and the service levels are read through the API. Each test uses
 * its own language's queue and operators, so the tests do not meet in routing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgiCallTestBase implements TestPropertyProvider {

  private static final Duration WITHIN = Duration.ofSeconds(20);
  private static final AtomicInteger CALLS = new AtomicInteger();

  @Inject
  EmbeddedServer server;

  @Inject
  JsonMapper json;

  @Inject
  AsteriskCalls calls;

  @Inject
  org.onenumber.server.persistence.Jdbc jdbc;

  @Inject
  io.micrometer.core.instrument.MeterRegistry meters;

  private final TestHttp http = new TestHttp();
  private final HttpClient webSockets = HttpClient.newHttpClient();
  private final int agiPort = freePort();
  private String supervisor;

  /** The database of the subclass. */
  abstract Map<String, String> database();

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(database());
    properties.put("onenumber.telephony.asterisk.agi.enabled", "true");
    properties.put("onenumber.telephony.asterisk.agi.port", Integer.toString(agiPort));
    return properties;
  }

  @Test
  void aCallChoosesEnglishWaitsHearsItsPositionIsAnsweredAndCountsInTheServiceLevels() throws Exception {
    FastAgiCaller caller = call("01055500001").press("2", "1").onDial(device -> DialOutcome.ANSWER).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    caller.await("STREAM FILE onenumber/en/position", WITHIN);
    caller.await("SAY NUMBER 1", WITHIN);
    String contact = contactOf(caller);
    assertEquals("QUEUED", contact(contact).get("state"));

    String operator = token("op-022");
    JsonFrames console = console("op-022", operator);
    login("op-022", "english", operator);
    console.await(f -> "offer".equals(f.get("type")));
    caller.await("EXEC Dial PJSIP/op-022,15,U(onenumber-answered^" + contact + "^op-022)", WITHIN);
    await().atMost(WITHIN).until(() -> "CONNECTED".equals(contact(contact).get("state")));

    caller.hangUp();
    await().atMost(WITHIN).until(() -> "WRAP_UP".equals(contact(contact).get("state")));
    caller.awaitClosed(WITHIN);
    Reply closed = send("POST", "/api/v1/contacts/" + contact + "/close", "{\"outcome\":\"RESOLVED\"}", operator);
    assertEquals(200, closed.status(), closed.text());
    assertEquals(List.of("CREATED", "QUEUED", "OFFERED", "CONNECTED", "WRAP_UP", "CLOSED"), states(contact));

    String supervisor = token("sv-01");
    await().atMost(WITHIN).until(() -> ((Number) send("GET", "/api/v1/service-levels?scope=agent&id=op-022", null,
        supervisor).body().getOrDefault("handled", 0)).longValue() >= 1);
    Map<String, Object> levels = send("GET", "/api/v1/service-levels?scope=agent&id=op-022", null, supervisor).body();
    assertTrue(((Number) levels.get("handleSeconds")).doubleValue() > 0, "handle time counted: " + levels);
    Map<String, Object> english = send("GET", "/api/v1/service-levels?scope=queue&id=english", null, supervisor).body();
    assertTrue(((Number) english.get("answered")).longValue() >= 1, "the call is answered in its queue: " + english);
    console.kill();
  }

  @Test
  void aCallerWhoHangsUpWhileWaitingIsAnAbandon() throws Exception {
    FastAgiCaller caller = call("01055500002").press("3", "1").start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    String contact = contactOf(caller);
    await().atMost(WITHIN).until(() -> kept(contact).equals(List.of(uniqueId(caller))));
    caller.hangUp();
    await().atMost(WITHIN).until(() -> "ABANDONED".equals(contact(contact).get("state")));
    caller.awaitClosed(WITHIN);
    await().atMost(WITHIN).until(() -> kept(contact).isEmpty());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTopicRecordingsToMakeAreListedWithTheAnswersWordsForSupervisorsOnly() throws Exception {
    Reply prompts = send("GET", "/api/v1/telephony/prompts", null, token("sv-01"));
    assertEquals(200, prompts.status(), prompts.text());
    List<Map<String, Object>> recordings = (List<Map<String, Object>>) prompts.body().get("recordings");
    List<Object> files = recordings.stream().map(r -> r.get("file")).toList();
    assertEquals(List.of("onenumber/ko/topic-menu", "onenumber/ko/answer-water-bill", "onenumber/ko/answer-bulky-waste",
        "onenumber/ko/answer-recycling", "onenumber/en/topic-menu", "onenumber/en/answer-water-bill",
        "onenumber/en/answer-bulky-waste", "onenumber/en/answer-recycling"), files, "the demo's three topics in ko and en");
    Map<String, Object> water = recordings.get(5);
    assertTrue(((String) water.get("text")).startsWith("How to pay your water bill. You can pay the water bill online"),
        water.toString());
    assertTrue(((String) water.get("fingerprint")).matches("[0-9a-f]{16}"), water.toString());
    assertTrue(((String) recordings.get(4).get("text")).contains("How to pay your water bill press 1"),
        recordings.get(4).toString());
    assertEquals(403, send("GET", "/api/v1/telephony/prompts", null, token("op-022")).status());
  }

  @Test
  void aCallerServedByATopicsAnswerIsJournaledSelfServedAndCountedAsSuchNotAsAbandoned() throws Exception {
    String sv = token("sv-01");
    long before = selfServedToday(sv);
    List<String> earlier = selfServedContacts();
    FastAgiCaller caller = call("01055500004").press("1", "1", "1")
        .dropOn(c -> c.startsWith("GET DATA onenumber/ko/after-answer")).start();
    caller.await("GET DATA onenumber/ko/topic-menu", WITHIN);
    caller.await("STREAM FILE onenumber/ko/answer-water-bill", WITHIN);
    await().atMost(WITHIN).until(() -> selfServedContacts().size() == earlier.size() + 1);
    String contact = selfServedContacts().stream().filter(id -> !earlier.contains(id)).findFirst().orElseThrow();
    assertEquals(List.of("CREATED", "CLOSED"), states(contact));
    assertEquals("VOICE", contact(contact).get("channel"));
    await().atMost(WITHIN).until(() -> selfServedToday(sv) == before + 1);
    assertTrue(calls.all().stream().noneMatch(c -> c.contact().value().equals(contact)), "never waited");
  }

  @Test
  void zeroAfterATopicsAnswerQueuesTheCallAsUsual() throws Exception {
    FastAgiCaller caller = call("01055500005").press("2", "1", "1", "0").start();
    caller.await("STREAM FILE onenumber/en/answer-water-bill", WITHIN);
    caller.await("EXEC StartMusicOnHold", WITHIN);
    String contact = contactOf(caller);
    assertEquals("QUEUED", contact(contact).get("state"));
    assertEquals("ivr:topic:water-bill", contact(contact).get("topic"));
    caller.hangUp();
    await().atMost(WITHIN).until(() -> "ABANDONED".equals(contact(contact).get("state")));
    caller.awaitClosed(WITHIN);
  }

  /**
   * Issue 17 (session 20): the IVR hands a call's new contact to routing as journaled, so its
   * arrival reads nothing back (with {@code onenumber.intake.hand-to-routing=false}, as before, the
   * contact is read ahead or in the routing context's turn: this test fails).
   */
  @Test
  void aCallsContactReachesRoutingAsJournaledWithoutBeingReadBack() throws Exception {
    double handed = arrivals("handed");
    double read = arrivals("read-ahead") + arrivals("read-in-turn");
    FastAgiCaller caller = call("01055500006").press("2", "1").start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    String contact = contactOf(caller);
    await().atMost(WITHIN).until(() -> arrivals("handed") + arrivals("read-ahead") + arrivals("read-in-turn")
        > handed + read);
    assertTrue(arrivals("handed") >= handed + 1, "the call's contact handed to routing");
    assertEquals(read, arrivals("read-ahead") + arrivals("read-in-turn"), "nothing read back from the journal");
    caller.hangUp();
    await().atMost(WITHIN).until(() -> "ABANDONED".equals(contact(contact).get("state")));
    caller.awaitClosed(WITHIN);
  }

  private double arrivals(String how) {
    io.micrometer.core.instrument.Counter counter = meters.find("onenumber.routing.arrivals").tag("contact", how)
        .counter();
    return counter == null ? 0 : counter.count();
  }

  private List<String> selfServedContacts() {
    return jdbc.query("select id from contact where topic = ? and state = ?", row -> row.getString(1),
        "ivr:self-service:water-bill", "CLOSED");
  }

  private long selfServedToday(String token) throws Exception {
    return ((Number) send("GET", "/api/v1/service-levels?scope=center", null, token).body()
        .getOrDefault("selfServed", -1)).longValue();
  }

  /** The uniqueid kept for the restart sweep in table asterisk_calls (V81) for {@code contact}. */
  private List<String> kept(String contact) {
    return jdbc.query("select unique_id from asterisk_calls where contact_id = ?", row -> row.getString(1), contact);
  }

  @Test
  void ringNoAnswerPutsTheCallerBackInTheirPlaceAndTheNextOperatorAnswers() throws Exception {
    FastAgiCaller caller = call("01055500003").press("6", "1")
        .onDial(device -> device.equals("PJSIP/op-032") ? DialOutcome.NOANSWER : DialOutcome.ANSWER).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    String contact = contactOf(caller);
    String first = token("op-032");
    login("op-032", "mongolian", first);
    caller.await("EXEC Dial PJSIP/op-032", WITHIN);
    await().atMost(WITHIN).until(() -> caller.texts().stream().filter(c -> c.startsWith("EXEC StartMusicOnHold"))
        .count() >= 2 && "QUEUED".equals(contact(contact).get("state")));

    String second = token("op-033");
    login("op-033", "mongolian", second);
    caller.await("EXEC Dial PJSIP/op-033", WITHIN);
    await().atMost(WITHIN).until(() -> "CONNECTED".equals(contact(contact).get("state")));
    caller.hangUp();
    await().atMost(WITHIN).until(() -> "WRAP_UP".equals(contact(contact).get("state")));
    assertEquals(List.of("CREATED", "QUEUED", "OFFERED", "QUEUED", "OFFERED", "CONNECTED", "WRAP_UP"),
        states(contact));
  }

  private FastAgiCaller call(String callerId) throws IOException {
    int n = CALLS.incrementAndGet();
    return FastAgiCaller.call(InetAddress.getLoopbackAddress(), agiPort,
        FastAgiCaller.environment("PJSIP/caller-0000010" + n, "1796161500." + n, callerId, "ivr"));
  }

  private String contactOf(FastAgiCaller caller) {
    await().atMost(WITHIN).until(() -> calls.all().stream().anyMatch(c -> c.uniqueId().equals(uniqueId(caller))));
    return calls.all().stream().filter(c -> c.uniqueId().equals(uniqueId(caller))).findFirst().orElseThrow()
        .contact().value();
  }

  private static String uniqueId(FastAgiCaller caller) {
    return caller.environment().get("agi_uniqueid");
  }

  private void login(String agent, String queue, String token) throws Exception {
    Reply login = send("POST", "/api/v1/agents/" + agent + "/login", "{\"queues\":[\"" + queue + "\"]}", token);
    assertEquals(200, login.status(), login.text());
  }

  private Map<String, Object> contact(String id) throws Exception {
    if (supervisor == null) {
      supervisor = token("sv-01");
    }
    return send("GET", "/api/v1/contacts/" + id, null, supervisor).body();
  }

  @SuppressWarnings("unchecked")
  private List<Object> states(String contact) throws Exception {
    return ((List<Map<String, Object>>) contact(contact).get("steps")).stream().map(s -> s.get("state")).map(Object.class::cast).toList();
  }

  record Reply(int status, Map<String, Object> body, String text) {}

  private Reply send(String method, String path, String body, String token) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(server, method, path, body, token);
    Map<String, Object> map = response.body().startsWith("{") ? http.map(server, response) : Map.of();
    return new Reply(response.statusCode(), map, response.body());
  }

  private String token(String login) throws Exception {
    return http.login(server, login);
  }

  private JsonFrames console(String agent, String token) {
    URI ws = URI.create(server.getURL().toString().replace("http", "ws") + "/ws/agents/" + agent + "?token=" + token);
    JsonFrames frames = new JsonFrames(json).open(webSockets, ws);
    frames.await(f -> "snapshot".equals(f.get("type")));
    return frames;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for FastAGI", e);
    }
  }
}
