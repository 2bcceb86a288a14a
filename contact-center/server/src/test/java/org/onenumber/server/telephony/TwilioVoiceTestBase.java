package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.testkit.FakeTwilioVoice.attribute;
import static org.onenumber.testkit.FakeTwilioVoice.text;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.channels.twilio.TwilioRequestSigner;
import org.onenumber.server.TestHttp;
import org.onenumber.testkit.FakeTwilioApi;
import org.onenumber.testkit.FakeTwilioVoice;

/**
 * Twilio Voice through the running server (on H2 and on PostgreSQL, see the subclasses): a local fake Twilio posts signed webhooks, follows
 * the URLs the server's TwiML gives (Gather action, Redirect, Enqueue wait URL, the Dial's answer
 * and action URLs) and receives the Calls API updates. The operator logs in through the API.
 */
abstract class TwilioVoiceTestBase {

  private static final String ACCOUNT = "AC00000000000000000000000000000000";
  private static final String TOKEN = "test-auth-token-0123456789abcdef";
  private static final String CALLER = "+821099990001";
  private final TwilioRequestSigner signer = new TwilioRequestSigner(TOKEN);
  private final FakeTwilioVoice twilio = new FakeTwilioVoice(signer::sign);
  private final FakeTwilioApi messaging = new FakeTwilioApi();
  private final TestHttp http = new TestHttp();
  private EmbeddedServer server;
  private Path dataDir;
  private Map<String, Object> properties;

  /** The datasource properties of a fresh database. */
  abstract Map<String, Object> database(Path dataDir);

  private void start(boolean withAccount) throws IOException {
    dataDir = Files.createTempDirectory("onenumber-voice-it");
    Map<String, Object> props = new HashMap<>();
    props.put("onenumber.data-dir", dataDir.toString());
    props.putAll(database(dataDir));
    props.put("micronaut.server.port", -1);
    props.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
        "test-jwt-secret-0123456789abcdef0123456789abcdef");
    props.put("onenumber.twilio.account-sid", withAccount ? ACCOUNT : "");
    props.put("onenumber.twilio.auth-token", withAccount ? TOKEN : "");
    props.put("onenumber.telephony.twilio.api-base", twilio.baseUri().toString());
    props.put("onenumber.twilio.api-base", messaging.baseUri().toString());
    props.put("onenumber.telephony.twilio.video-link", "https://city.example/video");
    props.put("onenumber.telephony.callback-carrier", "twilio");
    props.put("onenumber.happy-call.delay", "0s");
    props.put("onenumber.happy-call.quiet-from-hour", "0");
    props.put("onenumber.happy-call.quiet-until-hour", "0");
    props.put("onenumber.happy-call.sweep-every", "1h");
    properties = props;
    server = ApplicationContext.run(EmbeddedServer.class, props);
  }

  /** Stops the server and starts it again on the same database (Twilio's calls keep running). */
  private void restart() {
    server.getApplicationContext().close();
    server = ApplicationContext.run(EmbeddedServer.class, properties);
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.getApplicationContext().close();
    }
    twilio.close();
    messaging.close();
    if (dataDir != null) {
      try (var files = Files.walk(dataDir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private String url(String path) {
    return server.getURL().toString().replaceAll("/$", "") + path;
  }

  private static Map<String, String> call(String callSid, String... more) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("CallSid", callSid);
    form.put("AccountSid", ACCOUNT);
    form.put("From", CALLER);
    form.put("To", "+8215880120");
    form.put("Direction", "inbound");
    form.put("CallStatus", "in-progress");
    for (int i = 0; i + 1 < more.length; i += 2) {
      form.put(more[i], more[i + 1]);
    }
    return form;
  }

  /** Posts signed as Twilio does and expects 200 with TwiML. */
  private String twiml(String url, Map<String, String> form) {
    HttpResponse<String> response = twilio.post(url, form);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
    return response.body();
  }

  /**
   * The call arrives, the caller presses {@code digit} for the language and then stays on the line
   * (silence in the options menu and in the self-service topic menu, if the language has one).
   */
  private String waitingCall(String callSid, String digit) {
    String menu = twiml(url("/webhooks/twilio/voice"), call(callSid, "CallStatus", "ringing"));
    String next = twiml(attribute(menu, "Gather", "action"), call(callSid, "Digits", digit));
    for (int redirects = 0; redirects < 3 && text(next, "Enqueue") == null; redirects++) {
      next = twiml(text(next, "Redirect"), call(callSid)); // options, then the topic menu: silence each time
    }
    assertNotNull(text(next, "Enqueue"), next);
    return next;
  }

  @SuppressWarnings("unchecked")
  /** The caller's contact, read as a supervisor (the test watches; operators see only what they hold). */
  private Map<String, Object> voiceContact() throws Exception {
    String token = http.login(server, "sv-01");
    Map<String, Object> page = http.map(server, http.send(server, "GET",
        "/api/v1/contacts?channel=VOICE&phone=010-9999-0001", null, token));
    List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
    assertEquals(1, items.size(), page.toString());
    return http.map(server, http.send(server, "GET", "/api/v1/contacts/" + items.get(0).get("id"), null, token));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> states(Map<String, Object> contact) {
    return ((List<Map<String, Object>>) contact.get("steps")).stream().map(s -> s.get("state")).toList();
  }

  /** Starts the server, rings it and chooses English: the new call's sid, waiting in the english queue. */
  private String waitingInEnglish() throws IOException {
    start(true);
    String sid = twilio.ring();
    waitingCall(sid, "2");
    return sid;
  }

  /** The Calls API update that dials {@code agent} for the call {@code sid} once that operator logs in to {@code queue}: its TwiML. */
  private String offeredTo(String sid, String agent, String queue) throws Exception {
    logIn(agent, queue);
    await().atMost(Duration.ofSeconds(10)).until(() -> !twilio.updatesOf(sid).isEmpty());
    return twilio.updatesOf(sid).get(0).param("Twiml");
  }

  /** The operator's client answers the {@code dial}: Twilio fetches its URL for the child leg {@code CA} + 32 × {@code leg}. */
  private String operatorAnswers(String dial, String sid, char leg) {
    return twiml(attribute(dial, "Client", "url"), call("CA" + String.valueOf(leg).repeat(32), "ParentCallSid", sid,
        "Direction", "outbound-dial", "CallStatus", "in-progress"));
  }

  private void logIn(String agent, String queue) throws Exception {
    HttpResponse<String> login = http.send(server, "POST", "/api/v1/agents/" + agent + "/login",
        "{\"queues\":[\"" + queue + "\"]}", http.login(server, agent));
    assertEquals(200, login.statusCode(), login.body());
  }

  @Test
  void unsignedOrForgedVoiceWebhooksAreRefusedAndASignedOneGetsTheLanguageMenu() throws Exception {
    start(true);
    String sid = twilio.ring();
    assertEquals(403, twilio.post(url("/webhooks/twilio/voice"), call(sid), null).statusCode());
    assertEquals(403, twilio.post(url("/webhooks/twilio/voice"), call(sid), "bm90IGEgc2lnbmF0dXJl").statusCode());
    Map<String, String> signedForOtherDigits = call(sid, "Digits", "1");
    String signature = signer.sign(url("/webhooks/twilio/voice/queue?lang=en"), signedForOtherDigits);
    assertEquals(403, twilio.post(url("/webhooks/twilio/voice/queue?lang=en"), call(sid, "Digits", "2"), signature)
        .statusCode());
    String menu = twiml(url("/webhooks/twilio/voice"), call(sid));
    assertEquals(url("/webhooks/twilio/voice/gather?step=language&tries=0"), attribute(menu, "Gather", "action"));
    Map<String, Object> none = http.map(server, http.send(server, "GET", "/api/v1/contacts?phone=010-9999-0001", null,
        http.login(server, "sv-01")));
    assertEquals(List.of(), none.get("items"), "no forged request opened a contact");
  }

  @Test
  void withoutATwilioAccountEveryVoiceWebhookIsForbiddenNotAnError() throws Exception {
    start(false);
    HttpResponse<String> response = twilio.post(url("/webhooks/twilio/voice"), call(twilio.ring()));
    assertEquals(403, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"forbidden\""), response.body());
  }

  @Test
  void englishCallWaitsIsDialledToTheOperatorAnsweredHungUpAndCounted() throws Exception {
    start(true);
    String sid = twilio.ring();
    String enqueue = waitingCall(sid, "2");
    assertEquals("onenumber-english", text(enqueue, "Enqueue"));
    Map<String, Object> waiting = voiceContact();
    assertEquals("QUEUED", waiting.get("state"));
    assertEquals("en", waiting.get("language"));

    String waitUrl = attribute(enqueue, "Enqueue", "waitUrl");
    // 30 s: the two-fork CI once took longer than 10 s here (session 17); this checks the words, not a latency
    await().atMost(Duration.ofSeconds(30)).until(() -> text(twiml(waitUrl, call(sid, "QueuePosition", "1",
        "QueueTime", "3")), "Say").startsWith("You are number 1 in line."));

    String dial = offeredTo(sid, "op-022", "english");
    assertEquals("op-022", text(dial, "Client"));
    assertEquals("OFFERED", voiceContact().get("state"));

    String whisper = operatorAnswers(dial, sid, 'f');
    assertTrue(text(whisper, "Say").contains("en"), whisper);
    assertEquals("CONNECTED", voiceContact().get("state"));

    String bye = twiml(attribute(dial, "Dial", "action"), call(sid, "DialCallStatus", "completed",
        "DialCallDuration", "42"));
    assertTrue(bye.contains("<Hangup/>"), bye);
    twiml(url("/webhooks/twilio/voice/status"), call(sid, "CallStatus", "completed", "CallDuration", "60"));
    Map<String, Object> done = voiceContact();
    assertEquals(List.of("CREATED", "QUEUED", "OFFERED", "CONNECTED", "WRAP_UP"), states(done).subList(0, 5));

    AtomicReference<Map<String, Object>> levels = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      levels.set(http.map(server, http.send(server, "GET", "/api/v1/service-levels?scope=queue&id=english", null,
          http.login(server, "sv-01"))));
      return ((Number) levels.get().get("answered")).intValue() == 1;
    });
    assertTrue(((Number) levels.get().get("offered")).intValue() >= 1, levels.get().toString());
  }

  @Test
  void aConnectedCallSurvivesAServerRestartAndItsEndIsStillCounted() throws Exception {
    String sid = waitingInEnglish();
    String dial = offeredTo(sid, "op-022", "english");
    operatorAnswers(dial, sid, 'e');
    assertEquals("CONNECTED", voiceContact().get("state"));
    org.onenumber.server.persistence.Jdbc jdbc = server.getApplicationContext()
        .getBean(org.onenumber.server.persistence.Jdbc.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.query("select phase, agent_id from twilio_calls"
        + " where call_sid = ?", r -> r.getString(1) + " " + r.getString(2), sid).equals(List.of("CONNECTED op-022")));

    restart();
    org.onenumber.telephony.twilio.TwilioVoiceCalls calls = server.getApplicationContext()
        .getBean(org.onenumber.telephony.twilio.TwilioVoiceCalls.class);
    assertEquals(org.onenumber.telephony.twilio.TwilioVoiceCalls.Phase.CONNECTED, calls.bySid(sid).orElseThrow().phase(),
        "the call is carried again after the restart");
    // The public URL stays; the restarted test server listens on another port.
    java.net.URI action = java.net.URI.create(attribute(dial, "Dial", "action"));
    String bye = twiml(url(action.getRawPath() + (action.getRawQuery() == null ? "" : "?" + action.getRawQuery())),
        call(sid, "DialCallStatus", "completed", "DialCallDuration", "42"));
    assertTrue(bye.contains("<Hangup/>"), bye);
    twiml(url("/webhooks/twilio/voice/status"), call(sid, "CallStatus", "completed", "CallDuration", "60"));
    await().atMost(Duration.ofSeconds(10)).until(() -> states(voiceContact()).contains("WRAP_UP"));
    org.onenumber.server.persistence.Jdbc after = server.getApplicationContext()
        .getBean(org.onenumber.server.persistence.Jdbc.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> after.query("select phase from twilio_calls where call_sid = ?",
        r -> r.getString(1), sid).isEmpty());
  }

  @Test
  void aCallerWhoHearsATopicsAnswerAndHangsUpIsJournaledSelfServedNotAbandoned() throws Exception {
    start(true);
    String sid = twilio.ring();
    String answer = hearTheWaterBillAnswer(sid);
    assertTrue(text(answer, "Say").startsWith("How to pay your water bill. You can pay the water bill online"), answer);
    hangsUpAndIsCountedSelfServedOnce(sid);
    Map<String, Object> voice = http.map(server, http.send(server, "GET", "/api/v1/service-levels?scope=channel&id=VOICE",
        null, http.login(server, "sv-01")));
    assertEquals(0, ((Number) voice.get("abandoned")).intValue(), voice.toString());
  }

  /** English, stays on the line, the topic menu (its one English topic), 1: the water bill's answer TwiML. */
  private String hearTheWaterBillAnswer(String sid) {
    String menu = twiml(url("/webhooks/twilio/voice"), call(sid, "CallStatus", "ringing"));
    String options = twiml(attribute(menu, "Gather", "action"), call(sid, "Digits", "2"));
    String topics = twiml(text(options, "Redirect"), call(sid));
    assertEquals("For How to pay your water bill, press 1.", text(topics, "Say"), topics);
    return twiml(attribute(topics, "Gather", "action"), call(sid, "Digits", "1"));
  }

  /** Twilio reports the end twice (a retried callback): one contact CREATED → CLOSED, self-served once. */
  private void hangsUpAndIsCountedSelfServedOnce(String sid) throws Exception {
    twiml(url("/webhooks/twilio/voice/status"), call(sid, "CallStatus", "completed", "CallDuration", "75"));
    twiml(url("/webhooks/twilio/voice/status"), call(sid, "CallStatus", "completed", "CallDuration", "75"));
    Map<String, Object> served = voiceContact();
    assertEquals(List.of("CREATED", "CLOSED"), states(served), "one contact, never queued");
    assertEquals("IVR: self-service water-bill", served.get("topic"));
    await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) http.map(server, http.send(server, "GET",
        "/api/v1/service-levels?scope=channel&id=VOICE", null, http.login(server, "sv-01"))).get("selfServed"))
        .intValue() == 1);
  }

  @Test
  void aCallerWhoHeardAnAnswerBeforeARestartAndHangsUpAfterItIsStillCountedSelfServedOnce() throws Exception {
    start(true);
    String sid = twilio.ring();
    hearTheWaterBillAnswer(sid);
    org.onenumber.server.persistence.Jdbc before = server.getApplicationContext()
        .getBean(org.onenumber.server.persistence.Jdbc.class);
    assertEquals(List.of("water-bill en"), before.query("select topic, language from twilio_heard_answers"
        + " where call_sid = ?", r -> r.getString(1) + " " + r.getString(2), sid), "kept before the answer is spoken");

    restart();
    hangsUpAndIsCountedSelfServedOnce(sid);
    org.onenumber.server.persistence.Jdbc after = server.getApplicationContext()
        .getBean(org.onenumber.server.persistence.Jdbc.class);
    assertEquals(0, after.query("select call_sid from twilio_heard_answers", r -> r.getString(1)).size(),
        "the row ends with the call");
  }

  @Test
  void aSeniorWhoPressesTwoInTheCheckInStaysOnTheLineAndIsDialledToAWelfareOperator() throws Exception {
    start(true);
    String sid = twilio.ring();
    Map<String, String> pressed = call(sid, "Digits", "2", "Direction", "outbound-api");
    pressed.put("From", "+8215880120");
    pressed.put("To", CALLER);
    String held = twiml(url("/webhooks/twilio/voice/check-in?contact=attempt-1&lang=ko&slow=false&tries=0"), pressed);
    assertTrue(text(held, "Enqueue").startsWith("onenumber-welfare-outbound"), held);
    Map<String, Object> waiting = voiceContact();
    assertEquals("QUEUED", waiting.get("state"));
    assertEquals(80, ((Number) waiting.get("priority")).intValue());

    String dial = offeredTo(sid, "op-003", "welfare-outbound");
    assertEquals("op-003", text(dial, "Client"));
    operatorAnswers(dial, sid, 'd');
    assertEquals("CONNECTED", voiceContact().get("state"));
    twiml(url("/webhooks/twilio/voice/check-in-status?contact=attempt-1"), call(sid, "CallStatus", "completed"));
    assertEquals("WRAP_UP", voiceContact().get("state"), "the senior hung up: wrap-up, like any call");
  }

  /**
   * Happy-call by IVR (#16): a resolved voice contact's survey is a Twilio call in the citizen's
   * language; silence gets the question once more, the key 4 is the score in the survey table.
   */
  @Test
  void aResolvedVoiceContactsHappyCallIsPlacedByTwilioAndTheKeyIsItsScore() throws Exception {
    var contact = resolvedVoiceContactWithASurvey();
    var beans = server.getApplicationContext();
    var store = beans.getBean(org.onenumber.server.persistence.JdbcHappyCallStore.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> store.find(contact).isPresent());

    assertEquals(1, beans.getBean(org.onenumber.core.happycall.HappyCalls.class).sendDue(10));
    var placed = twilio.requests().stream().filter(r -> r.callSid() == null && CALLER.equals(r.param("To")))
        .findFirst().orElseThrow();
    assertTrue(placed.param("StatusCallback").endsWith("/webhooks/twilio/voice/happy-call-status?contact="
        + contact.value() + "&call=1"), placed.param("StatusCallback"));
    String question = placed.param("Twiml");
    String asked = "/webhooks/twilio/voice/happy-call?contact=" + contact.value() + "&lang=";
    assertTrue(attribute(question, "Gather", "action").contains(asked), question);
    String surveySid = twilio.ring();
    Map<String, String> silence = call(surveySid, "Direction", "outbound-api");
    String again = twiml(text(question, "Redirect"), silence);
    assertTrue(attribute(again, "Gather", "action").contains(asked) && text(again, "Say").equals(text(question, "Say")),
        "asked once more: " + again);
    String thanks = twiml(attribute(again, "Gather", "action"), call(surveySid, "Digits", "4",
        "Direction", "outbound-api"));
    assertTrue(thanks.contains("<Hangup/>") && !thanks.contains("<Gather"), thanks);
    twiml(placed.param("StatusCallback"), call(surveySid, "CallStatus", "completed"));

    var answer = beans.getBean(org.onenumber.server.chat.JdbcSurveys.class).find(contact).orElseThrow();
    assertEquals(4, answer.satisfaction());
    assertTrue(answer.resolved());
    assertEquals(org.onenumber.core.happycall.HappyCall.State.ANSWERED, store.find(contact).orElseThrow().state(),
        "the call's end after the score changes nothing");
  }

  /**
   * The status callback names the call (#16): the first happy-call is not answered, the second is placed, and a
   * late (signed) callback of the first call does not end the second; the second's own end does.
   */
  @Test
  void aLateStatusCallbackOfAnEarlierHappyCallDoesNotEndTheNextCall() throws Exception {
    var contact = resolvedVoiceContactWithASurvey();
    var beans = server.getApplicationContext();
    var store = beans.getBean(org.onenumber.server.persistence.JdbcHappyCallStore.class);
    var program = beans.getBean(org.onenumber.core.happycall.HappyCalls.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> store.find(contact).isPresent());

    assertEquals(1, program.sendDue(10));
    String firstCallback = surveyCallback(1, contact.value());
    twiml(firstCallback, call(twilio.ring(), "CallStatus", "no-answer"));
    assertEquals(org.onenumber.core.happycall.HappyCall.State.SCHEDULED, store.find(contact).orElseThrow().state(),
        "not answered: called again later");
    beans.getBean(org.onenumber.server.persistence.Jdbc.class).update(
        "update happy_call set due_at = ? where contact_id = ?", java.time.Instant.now(), contact.value());
    assertEquals(1, program.sendDue(10));
    String secondCallback = surveyCallback(2, contact.value());

    twiml(firstCallback, call(twilio.ring(), "CallStatus", "completed"));
    var calling = store.find(contact).orElseThrow();
    assertEquals(org.onenumber.core.happycall.HappyCall.State.CALLING, calling.state(),
        "the first call's late callback does not end the second call");
    assertEquals(2, calling.calls());
    twiml(secondCallback, call(twilio.ring(), "CallStatus", "busy"));
    assertEquals(org.onenumber.core.happycall.HappyCall.State.SENT, store.find(contact).orElseThrow().state(),
        "the second call's own end: the last call, so the SMS survey goes out");
  }

  /** A voice contact that rang and was resolved: its happy-call survey is stored (and due, as configured here). */
  private org.onenumber.core.contact.ContactId resolvedVoiceContactWithASurvey() throws Exception {
    start(true);
    waitingCall(twilio.ring(), "2");
    var contact = new org.onenumber.core.contact.ContactId((String) voiceContact().get("id"));
    server.getApplicationContext().getBean(org.onenumber.server.events.VertxEventPublisher.class).publish(
        new org.onenumber.core.event.ContactStateChanged(contact, org.onenumber.core.contact.Channel.VOICE,
            org.onenumber.core.directory.Language.ENGLISH, org.onenumber.core.contact.ContactState.WRAP_UP,
            org.onenumber.core.contact.ContactState.CLOSED, null, null, "resolved", java.time.Instant.now()));
    return contact;
  }

  private String surveyCallback(int call, String contact) {
    String url = twilio.requests().stream().filter(r -> r.callSid() == null && CALLER.equals(r.param("To")))
        .map(r -> r.param("StatusCallback")).filter(u -> u.contains("/happy-call-status?")).skip(call - 1)
        .findFirst().orElseThrow();
    assertTrue(url.endsWith("?contact=" + contact + "&call=" + call), url);
    return url;
  }

  @Test
  void aConsultWhoseConsultedPartyHungUpIsRefused409AndTheCallerStaysOnHoldWithTheOperator() throws Exception {
    String sid = waitingInEnglish();
    operatorAnswers(offeredTo(sid, "op-022", "english"), sid, 'c');
    String id = (String) voiceContact().get("id");
    logIn("op-023", "english");
    String first = http.login(server, "op-022");
    HttpResponse<String> consult = http.send(server, "POST", "/api/v1/contacts/" + id + "/call/consult",
        "{\"agent\":\"op-023\"}", first);
    assertEquals(200, consult.statusCode(), consult.body());
    org.onenumber.server.persistence.Jdbc jdbc = server.getApplicationContext()
        .getBean(org.onenumber.server.persistence.Jdbc.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.query("select call_sid from twilio_consult_legs"
        + " where contact_id = ?", r -> r.getString(1), id).size() == 2);
    String consultedLeg = jdbc.query("select max(call_sid) from twilio_consult_legs where contact_id = ?",
        r -> r.getString(1), id).getFirst(); // placed after the operator's leg
    String callback = twilio.requests().stream().map(r -> r.param("StatusCallback"))
        .filter(u -> u != null && u.contains("leg=consult")).findFirst().orElseThrow();
    twiml(callback, call(consultedLeg, "Direction", "outbound-api", "CallStatus", "completed"));

    int updates = twilio.updatesOf(sid).size();
    HttpResponse<String> complete = http.send(server, "POST", "/api/v1/contacts/" + id + "/call/consult/complete",
        "{}", first);
    assertEquals(409, complete.statusCode(), complete.body());
    assertTrue(complete.body().contains("consulted party left"), complete.body());
    Map<String, Object> held = voiceContact();
    assertEquals("HELD", held.get("state"), "the caller stays on hold");
    assertEquals("op-022", held.get("agent"), "with the operator");
    assertEquals(updates, twilio.updatesOf(sid).size(), "the caller's leg is not moved");
    HttpResponse<String> cancel = http.send(server, "POST", "/api/v1/contacts/" + id + "/call/consult/cancel",
        "{}", first);
    assertEquals(200, cancel.statusCode(), cancel.body());
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio.updatesOf(sid).size() > updates);
    assertEquals("onenumber-consult-" + id, text(twilio.updatesOf(sid).getLast().param("Twiml"), "Conference"),
        "the caller joins the operator");
  }

  @Test
  void aConsultUnderWayAtARestartIsCancelledItsTwilioLegsAreHungUpAndTheCallerStaysOnHoldWithTheFirstOperator() throws Exception {
    String sid = waitingInEnglish();
    String dial = offeredTo(sid, "op-022", "english");
    operatorAnswers(dial, sid, 'c');
    String id = (String) voiceContact().get("id");
    logIn("op-023", "english");
    HttpResponse<String> consult = http.send(server, "POST", "/api/v1/contacts/" + id + "/call/consult",
        "{\"agent\":\"op-023\"}", http.login(server, "op-022"));
    assertEquals(200, consult.statusCode(), consult.body());
    assertEquals("BUSY", agentState("op-023"), "reserved during the consult");
    org.onenumber.server.persistence.Jdbc before = server.getApplicationContext()
        .getBean(org.onenumber.server.persistence.Jdbc.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> before.query("select call_sid from twilio_consult_legs"
        + " where contact_id = ?", r -> r.getString(1), id).size() == 2);
    List<String> consultLegs = before.query("select call_sid from twilio_consult_legs", r -> r.getString(1));

    restart();
    for (String leg : consultLegs) {
      await().atMost(Duration.ofSeconds(10)).until(() -> twilio.updatesOf(leg).stream()
          .anyMatch(u -> "completed".equals(u.param("Status"))));
    }
    org.onenumber.server.persistence.Jdbc after = server.getApplicationContext()
        .getBean(org.onenumber.server.persistence.Jdbc.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> after.query("select call_sid from twilio_consult_legs",
        r -> r.getString(1)).isEmpty());
    Map<String, Object> held = voiceContact();
    assertEquals("HELD", held.get("state"), "the caller is still on hold");
    assertEquals("op-022", held.get("agent"), "with the first operator");
    assertTrue(!"BUSY".equals(agentState("op-023")), "no longer reserved: the consult did not survive the restart");
    String first = http.login(server, "op-022");
    assertEquals(409, http.send(server, "POST", "/api/v1/contacts/" + id + "/call/consult/complete", "{}", first)
        .statusCode(), "no consult under way after the restart");
    int updates = twilio.updatesOf(sid).size();
    HttpResponse<String> resume = http.send(server, "POST", "/api/v1/contacts/" + id + "/call/resume", "{}", first);
    assertEquals(200, resume.statusCode(), resume.body());
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio.updatesOf(sid).size() > updates);
    assertEquals("op-022", text(twilio.updatesOf(sid).getLast().param("Twiml"), "Client"),
        "the first operator is rung to take the caller back");
    assertEquals("CONNECTED", voiceContact().get("state"));
  }

  private String agentState(String agent) throws Exception {
    return (String) http.map(server, http.send(server, "GET", "/api/v1/agents/" + agent, null,
        http.login(server, "sv-01"))).get("state");
  }

  @Test
  void aCallerWhoHangsUpWhileWaitingIsAnAbandon() throws Exception {
    start(true);
    String sid = twilio.ring();
    String enqueue = waitingCall(sid, "1");
    assertTrue(text(enqueue, "Enqueue").startsWith("onenumber-general-ko"), enqueue);
    twilio.hangUp(sid);
    twiml(attribute(enqueue, "Enqueue", "action"), call(sid, "QueueResult", "hangup", "QueueTime", "12"));
    twiml(url("/webhooks/twilio/voice/status"), call(sid, "CallStatus", "completed"));
    Map<String, Object> contact = voiceContact();
    assertEquals("ABANDONED", contact.get("state"));
    assertEquals(List.of("CREATED", "QUEUED", "ABANDONED"), states(contact));
  }

  @Test
  void anOperatorWhoDoesNotAnswerSendsTheCallerBackInLineWithoutSilence() throws Exception {
    String sid = waitingInEnglish();
    String dial = offeredTo(sid, "op-022", "english");

    String back = twiml(attribute(dial, "Dial", "action"), call(sid, "DialCallStatus", "no-answer"));
    assertEquals("onenumber-english", text(back, "Enqueue"), "the same answer puts the caller back in the queue");
    List<Object> states = states(voiceContact());
    assertEquals(List.of("CREATED", "QUEUED", "OFFERED", "QUEUED"), states.subList(0, 4));
    assertTrue(text(twiml(attribute(back, "Enqueue", "waitUrl"), call(sid)), "Play").endsWith(".mp3"));
  }

  @Test
  void theSignLanguageOptionTextsTheVideoCallLinkAndEndsTheCall() throws Exception {
    start(true);
    String sid = twilio.ring();
    String menu = twiml(url("/webhooks/twilio/voice"), call(sid));
    String bye = twiml(attribute(menu, "Gather", "action"), call(sid, "Digits", "7"));
    assertTrue(bye.contains("<Hangup/>"), bye);
    FakeTwilioApi.Recorded sms = messaging.requests().get(0);
    assertEquals(CALLER, sms.param("To"));
    assertTrue(sms.param("Body").contains("https://city.example/video"), sms.param("Body"));
  }
}
