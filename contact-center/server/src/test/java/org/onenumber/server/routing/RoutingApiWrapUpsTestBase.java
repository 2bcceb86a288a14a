package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The routing API's wrap-ups and closes sent again (issue 11, sessions 18, 21 and 22), against whichever database
 * the subclass configures: its own operator's repeat answers 200 and stores what is missing once, on a queue with
 * and without wrap-up time and while the first try is still on its way; anybody else's, or another outcome, is
 * refused as before.
 */
abstract class RoutingApiWrapUpsTestBase extends RoutingApiTestBase {

  @Inject
  @jakarta.inject.Named("default")
  javax.sql.DataSource dataSource;

  @Inject
  io.micrometer.core.instrument.MeterRegistry meters;

  /** A POST sent without waiting for its answer. */
  private CompletableFuture<Reply> postLater(String path, String body, String token) {
    return http.sendAsync(request("POST", path, body, token), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
      try {
        return reply(r);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /**
   * Issue 11, session 18: a wrap-up whose answer was lost (its node was killed) is clicked again. The
   * first try's step landed, its note and disposition did not (sent here without them): the repeat by
   * the same operator with the same outcome answers 200 with the contact's state and stores the
   * missing note and disposition once, however often it comes, also after the wrap-up time ended
   * (CLOSED); a supervisor, another operator or another outcome are still refused (it was 409 for all).
   */
  @Test
  @SuppressWarnings("unchecked")
  void aWrapUpSentAgainByItsOperatorAnswers200AndStoresWhatIsMissingOnce() throws Exception {
    String operator = token("op-006");
    String supervisor = token("sv-01");
    Frames frames = new Frames();
    WebSocket socket = onQueueWithWrapUp("transport-ko", 2, "op-006", operator, frames);
    Reply created = send("POST", "/api/v1/contacts",
        "{\"channel\":\"VOICE\",\"phone\":\"010-5555-0181\",\"language\":\"ko\",\"queue\":\"transport-ko\"}", supervisor);
    assertEquals(201, created.status(), created.text());
    String contact = (String) created.body().get("id");
    await().atMost(Duration.ofSeconds(10)).until(() -> frames.received.stream()
        .filter(f -> "offer".equals(f.get("type")))
        .anyMatch(f -> contact.equals(((Map<String, Object>) f.get("offer")).get("contactId"))));
    assertEquals(200, send("POST", "/api/v1/offers/" + contact + "/accept", "{}", operator).status());
    String path = "/api/v1/contacts/" + contact + "/wrap-up";

    Reply first = send("POST", path, "{\"outcome\":\"RESOLVED\"}", operator); // its note and disposition lost
    assertEquals(200, first.status(), first.text());
    String whole = "{\"outcome\":\"RESOLVED\",\"note\":\"bus stop sign fixed\",\"category\":\"water.supply.leak\"}";
    for (int again = 0; again < 2; again++) {
      Reply repeat = send("POST", path, whole, operator);
      assertEquals(200, repeat.status(), "the operator's click again: " + repeat.text());
      assertEquals("WRAP_UP", repeat.body().get("state"));
      assertEquals(first.body().get("wrapUpEndsAt"), repeat.body().get("wrapUpEndsAt"), "the same wrap-up");
    }
    assertEquals(List.of(1, 1, 1), wrapUpRecords(contact), "one WRAP_UP step, one note, one disposition");
    Reply bySupervisor = send("POST", path, whole, supervisor);
    assertEquals(409, bySupervisor.status(), "not the operator who wrapped it up: " + bySupervisor.text());
    assertEquals(403, send("POST", path, whole, token("op-002")).status(), "another operator");
    assertEquals(409, send("POST", path, "{\"outcome\":\"ESCALATED\"}", operator).status(), "another outcome");

    await("the wrap-up time ended").atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryOne(
        "select count(*) from contact_step where contact_id = ? and upper(state) = 'CLOSED'", row -> row.getInt(1),
        contact).orElse(0) == 1);
    Reply afterClose = send("POST", path, whole, operator);
    assertEquals(200, afterClose.status(), afterClose.text());
    assertEquals("CLOSED", afterClose.body().get("state"));
    assertEquals(List.of(1, 1, 1), wrapUpRecords(contact), "still one of each");
    assertFalse(afterClose.text().contains("010-5555"), "no stored value echoed");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get();
  }

  /**
   * Issue 11, session 21: a queue without wrap-up time closes at the first wrap-up (no WRAP_UP step). The
   * journal's CLOSED step now says who closed it (V436), so the operator's wrap-up sent again answers 200
   * CLOSED and stores what was missing once (409 {@code already_closed} before); the same operator with
   * another outcome is 409 without the stored outcome; anybody else, and the operator after a supervisor's
   * close with the same outcome, stay 409 {@code already_closed}.
   */
  @Test
  void aWrapUpSentAgainOnAQueueWithoutWrapUpTimeAnswers200ClosedToTheOperatorWhoseWrapUpClosedIt() throws Exception {
    String operator = token("op-032");
    String supervisor = token("sv-01");
    Frames frames = new Frames();
    WebSocket socket = onQueueWithWrapUp("mongolian", 0, "op-032", operator, frames);
    String contact = connectedOnMongolian(frames, supervisor, operator, "010-5555-0182");
    String path = "/api/v1/contacts/" + contact + "/wrap-up";

    Reply first = send("POST", path, "{\"outcome\":\"RESOLVED\"}", operator); // its note and disposition lost
    assertEquals(200, first.status(), first.text());
    assertEquals("CLOSED", first.body().get("state"), "no wrap-up time: closed at once");
    assertEquals(List.of("op-032"), jdbc.query("select actor from contact_step where contact_id = ?"
        + " and upper(state) = 'CLOSED'", row -> row.getString(1), contact), "the journal says who closed it");
    String whole = "{\"outcome\":\"RESOLVED\",\"note\":\"ger district bus\",\"category\":\"water.supply.leak\"}";
    for (int again = 0; again < 2; again++) {
      Reply repeat = send("POST", path, whole, operator);
      assertEquals(200, repeat.status(), "the operator's click again: " + repeat.text());
      assertEquals("CLOSED", repeat.body().get("state"));
      assertFalse(repeat.text().contains("010-5555"), "no stored value echoed");
    }
    assertEquals(List.of(0, 1, 1), wrapUpRecords(contact), "no WRAP_UP step, one note, one disposition");
    Reply closeAgain = send("POST", "/api/v1/contacts/" + contact + "/close", whole, operator);
    assertEquals(200, closeAgain.status(), "a close sent again by them (session 22): " + closeAgain.text());
    assertEquals("CLOSED", closeAgain.body().get("state"), closeAgain.text());
    assertEquals(List.of(0, 1, 1), wrapUpRecords(contact), "still one note, one disposition");
    Reply otherOutcome = send("POST", path, "{\"outcome\":\"ESCALATED\"}", operator);
    assertEquals(409, otherOutcome.status(), otherOutcome.text());
    assertEquals("illegal_transition", otherOutcome.body().get("error"), otherOutcome.text());
    assertTrue(otherOutcome.text().contains("another outcome"), otherOutcome.text());
    assertFalse(otherOutcome.text().toLowerCase(java.util.Locale.ROOT).contains("resolved"), "the stored outcome not echoed");
    for (String other : List.of(supervisor, token("op-002"))) {
      Reply refused = send("POST", path, whole, other);
      assertEquals(409, refused.status(), "not the operator who wrapped it up: " + refused.text());
      assertEquals("already_closed", refused.body().get("error"), refused.text());
    }
    assertEquals(List.of(0, 1, 1), wrapUpRecords(contact), "still one of each");

    String closedBySupervisor = connectedOnMongolian(frames, supervisor, operator, "010-5555-0183");
    String closePath = "/api/v1/contacts/" + closedBySupervisor + "/close";
    assertEquals(200, send("POST", closePath, "{\"outcome\":\"RESOLVED\"}", supervisor).status());
    Reply late = send("POST", "/api/v1/contacts/" + closedBySupervisor + "/wrap-up", whole, operator);
    assertEquals(409, late.status(), "a supervisor closed it, with the same outcome: " + late.text());
    assertEquals("already_closed", late.body().get("error"), late.text());
    assertEquals(List.of(0, 0, 0), wrapUpRecords(closedBySupervisor), "nothing stored for the late wrap-up");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get();
  }

  /**
   * A wrap-up sent again while the first try is still on its way (issue 11, sessions 22 and 23): routing's context
   * is held in the journal commit of another contact (the test locks that contact's row in its own transaction,
   * PostgreSQL: H2 gives a held row lock up after ~2 s), so the first try and its repeat both read the contact
   * CONNECTED (their reads wait in routing's operators' lane: gauge {@code onenumber.routing.queued}) and both send
   * their wrap-up. The one routing applies second is refused and reads the contact again: its repeat, answered
   * so. Both 200 CLOSED, one CLOSED step by op-032. Before session 22 the one applied second was 404
   * {@code not_found} (the first try or the repeat, either); session 22 held the repeat behind the first on one
   * node only.
   */
  @Test
  void aWrapUpSentAgainWhileTheFirstIsStillOnItsWayIsAnsweredAsItsRepeat() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(jdbc.postgres(), "a held commit needs PostgreSQL's lock wait");
    String operator = token("op-032");
    String supervisor = token("sv-01");
    Frames frames = new Frames();
    WebSocket socket = onQueueWithWrapUp("mongolian", 0, "op-032", operator, frames);
    String contact = connectedOnMongolian(frames, supervisor, operator, "010-5555-0184");
    Reply other = send("POST", "/api/v1/contacts", "{\"channel\":\"VOICE\",\"phone\":\"010-5555-0185\","
        + "\"language\":\"vi\",\"queue\":\"vietnamese\"}", supervisor);
    assertEquals(201, other.status(), other.text());
    String path = "/api/v1/contacts/" + contact + "/wrap-up";
    CompletableFuture<Reply> first;
    CompletableFuture<Reply> again;
    try (java.sql.Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try (var rowLock = lock.prepareStatement("select id from contact where id = ? for update")) {
        rowLock.setString(1, (String) other.body().get("id"));
        rowLock.executeQuery().close();
      }
      CompletableFuture<Reply> held = postLater("/api/v1/contacts/" + other.body().get("id") + "/abandon", "{}",
          supervisor);
      await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryOne("select count(*) from pg_stat_activity"
          + " where wait_event_type = 'Lock' and datname = current_database()", row -> row.getInt(1)).orElse(0) > 0);
      first = postLater(path, "{\"outcome\":\"RESOLVED\"}", operator);
      again = postLater(path, "{\"outcome\":\"RESOLVED\",\"note\":\"sent again\"}", operator);
      await().atMost(Duration.ofSeconds(10)).until(() -> meters.get(RoutingHost.QUEUED).tag("lane", "staff")
          .gauge().value() == 2); // both tries' first reads wait behind the held commit
      assertFalse(first.isDone() || again.isDone() || held.isDone(), "routing is held in the other contact's commit");
      lock.rollback();
      assertEquals(200, held.get(30, java.util.concurrent.TimeUnit.SECONDS).status());
    }
    Reply firstReply = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(200, firstReply.status(), firstReply.text());
    Reply repeat = again.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(200, repeat.status(), "the click again while the first was on its way: " + repeat.text());
    assertEquals("CLOSED", repeat.body().get("state"), repeat.text());
    assertEquals(List.of("op-032"), jdbc.query("select actor from contact_step where contact_id = ?"
        + " and upper(state) = 'CLOSED'", row -> row.getString(1), contact), "one CLOSED step, by the operator");
    assertEquals(List.of(0, 1, 0), wrapUpRecords(contact), "the repeat's note stored once");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get();
  }

  /** Sets {@code queue}'s wrap-up time, logs {@code agent} in to it and returns their console, open. */
  private WebSocket onQueueWithWrapUp(String queue, int wrapUpSeconds, String agent, String agentToken, Frames frames)
      throws Exception {
    String admin = token("admin");
    Map<String, Object> config = new java.util.HashMap<>(send("GET", "/api/v1/admin/queues/" + queue, null, admin)
        .body());
    config.put("wrapUpSeconds", wrapUpSeconds);
    assertEquals(200, send("PUT", "/api/v1/admin/queues/" + queue, json.writeValueAsString(config), admin).status());
    Reply login = send("POST", "/api/v1/agents/" + agent + "/login", "{\"queues\":[\"" + queue + "\"]}", agentToken);
    assertTrue(login.status() == 200 || login.status() == 409 && "illegal_transition".equals(login.body().get("error")),
        "logged in, by now or by an earlier test of this server: " + login.text());
    return console(agent, agentToken, frames);
  }

  /** Opens a call for the mongolian queue and returns its id once op-032 accepted the offer. */
  private String connectedOnMongolian(Frames frames, String supervisor, String operator, String phone) throws Exception {
    String contact = offered(frames, supervisor, phone, "mongolian", "mn");
    Reply accepted = send("POST", "/api/v1/offers/" + contact + "/accept", "{}", operator);
    assertEquals(200, accepted.status(), accepted.text());
    return contact;
  }

  /** The contact's WRAP_UP steps, wrap-up notes and dispositions chosen (what OperatorWrapUps counts). */
  private List<Integer> wrapUpRecords(String contact) {
    return java.util.stream.Stream.of(
            "select count(*) from contact_step where contact_id = ? and upper(state) = 'WRAP_UP'",
            "select count(*) from contact_note where contact_id = ? and kind = 'WRAP_UP'",
            "select count(*) from contact_disposition_history where contact_id = ?")
        .map(sql -> jdbc.queryOne(sql, row -> row.getInt(1), contact).orElse(0)).toList();
  }
}
