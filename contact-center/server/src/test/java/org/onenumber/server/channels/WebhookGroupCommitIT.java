package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.testkit.FakeTwilioApi;

/**
 * Signed SMS webhooks sent concurrently through the real server (H2; {@link
 * WebhookGroupCommitPostgresIT} on PostgreSQL) go through the group commit of inbound messages:
 * every acknowledged one is stored once with its own contact, a MessageSid sent several times at
 * once is stored once and every copy is answered 200, and a bad webhook among them (a body longer
 * than the message column) is refused alone with 400 while the others of its batch are stored.
 * The automatic reply to a STOP is never sent on the committer (issue 11): while the local Twilio
 * peer stalls on it, the STOP and twenty webhooks from other numbers are answered 200 within
 * seconds and stored; once Twilio answers, the reply is delivered exactly once.
 */
class WebhookGroupCommitIT {

  private static final String PATH = "/webhooks/twilio/sms";
  private static final String STOPPING = "+821044400001";
  private ServerHarness server;
  private ExecutorService senders;

  /** Extra server properties; the PostgreSQL subclass names its database here. */
  Map<String, Object> properties() {
    return Map.of();
  }

  @BeforeEach
  void start() throws IOException {
    server = new ServerHarness(Files.createTempDirectory("onenumber-group-commit"), properties()).start();
    senders = Executors.newFixedThreadPool(21);
  }

  @AfterEach
  void stop() {
    senders.shutdownNow();
    server.close();
  }

  private static Map<String, String> sms(String sid, String phone, String body) {
    return Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT, "From", phone,
        "To", "+8215880120", "Body", body, "NumMedia", "0");
  }

  private int post(Map<String, String> form) {
    try {
      return server.webhook(PATH, form, server.sign(PATH, form)).getStatus().getCode();
    } catch (HttpClientResponseException e) {
      return e.getStatus().getCode();
    }
  }

  private int count(String sql, Object... args) {
    return server.bean(Jdbc.class).queryOne(sql, row -> row.getInt(1), args).orElseThrow();
  }

  @Test
  void concurrentWebhooksAreStoredOnceEachRepeatsOnceAndABadOneIsRefusedAlone() throws Exception {
    List<Callable<Integer>> posts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String sid = String.format("SM%032d", i);
      String phone = String.format("+8210777%05d", i);
      posts.add(() -> post(sms(sid, phone, "hello " + sid)));
    }
    for (int copy = 0; copy < 6; copy++) {
      posts.add(() -> post(sms("SMrepeated000000000000000000000001", "+821066600001", "repeated")));
    }
    posts.add(() -> post(sms("SMtoolong00000000000000000000000001", "+821066600002", "x".repeat(4001))));
    List<Future<Integer>> answers = senders.invokeAll(posts);

    for (int i = 0; i < 66; i++) {
      assertEquals(200, answers.get(i).get(), "webhook " + i);
    }
    assertEquals(400, answers.get(66).get(), "the body too long for its column");
    assertEquals(61, count("select count(*) from message where direction = 'IN'"));
    assertEquals(61, count("select count(distinct contact_id) from message where direction = 'IN'"));
    assertEquals(1, count("select count(*) from message where provider_id = ?", "SMrepeated000000000000000000000001"));
    assertEquals(0, count("select count(*) from message where provider_id = ?", "SMtoolong00000000000000000000000001"));
    assertEquals(0, count("select count(*) from citizen_identity where identity like ?", "%66600002"),
        "nothing of the refused webhook was kept, not even its citizen");
  }

  private String replyProviderId() {
    return server.bean(Jdbc.class).queryOne("select provider_id from message where direction = 'OUT' and peer = ?",
        row -> String.valueOf(row.getString(1)), STOPPING).orElse("none");
  }

  @Test
  void otherWebhooksAreAcknowledgedWhileTwilioStallsOnAStopReplyWhichIsDeliveredAfter() throws Exception {
    FakeTwilioApi.Stall stall = server.twilio().stallTo(STOPPING);
    Future<Integer> stop = senders.submit(() -> post(sms("SMstop0000000000000000000000000001", STOPPING, "STOP")));
    await().atMost(Duration.ofSeconds(20)).until(() -> stall.held() == 1);

    List<Future<Integer>> others = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String sid = String.format("SMother%027d", i);
      String phone = String.format("+8210555%05d", i + 100);
      others.add(senders.submit(() -> post(sms(sid, phone, "Is the library open today? " + sid))));
    }
    for (int i = 0; i < 20; i++) {
      assertEquals(200, others.get(i).get(10, TimeUnit.SECONDS), "webhook " + i + " answered while Twilio stalls");
    }
    assertEquals(200, stop.get(5, TimeUnit.SECONDS), "the STOP itself is acknowledged without waiting for Twilio");
    assertEquals(20, count("select count(*) from message where direction = 'IN' and peer like ?", "+8210555%"));
    assertEquals(1, count("select count(*) from message where direction = 'OUT' and peer = ? and status = 'QUEUED'",
        STOPPING), "the reply is stored, waiting for Twilio");
    assertEquals("null", replyProviderId(), "Twilio has not answered yet");

    stall.release();
    await().atMost(Duration.ofSeconds(20)).until(() -> replyProviderId().startsWith("SM"));
    assertEquals(0, count("select count(*) from message_outbox"), "nothing left to retry");
    assertEquals(1, server.twilio().requests().stream().filter(r -> STOPPING.equals(r.param("To"))).count(),
        "the reply went to Twilio once");
  }
}
