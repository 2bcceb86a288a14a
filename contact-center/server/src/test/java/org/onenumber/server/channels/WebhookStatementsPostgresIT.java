package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;

/**
 * Pins the statements one signed SMS webhook costs on PostgreSQL (issue 11; the server's {@code
 * onenumber_sql_statements_total}, every statement, savepoint and commit on any thread, the routing
 * read-ahead of the new contact included). Webhooks are sent one at a time, so each pays its own
 * commit. Two shapes: a first message from a new number (citizen registered, contact opened and
 * queued) and a second one from the same number (threaded into the open contact). Before session
 * 11 a first message cost 16.7 statements and a second one 8.1 (the citizen read three times, each
 * with a second query for its identities; every contact read with one more query per contact for
 * its steps; a new citizen and a new contact inserted in two and three statements); session 11 10.2
 * and 6.1; session 12 8.1 and 6.6 at load 11 (a first message no longer reads the citizen again when
 * opening its contact, nor the cases of a citizen registered in the same transaction); session 19
 * a first message 7.5 → 6.2 (8.4 → 7.3 with 20 senders; its new contact handed to routing as
 * journaled, {@code HandedContacts}, instead of routing's arrival reading it back), a threaded one
 * 6.1–6.7 both; 60 senders instead of 20, so that the pollers weigh less. The bounds leave room for the server's own pollers (outbox, campaigns),
 * which a loaded machine lets count more (session 11: 10.7 and 6.6 at load 13).
 */
class WebhookStatementsPostgresIT {

  private static final String PATH = "/webhooks/twilio/sms";
  private static final int SENDERS = 60;
  private ServerHarness server;

  @BeforeEach
  void start() throws Exception {
    server = new ServerHarness(Files.createTempDirectory("onenumber-statements"),
        new HashMap<>(TestDatabases.postgresProperties("webhook_statements"))).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void post(String sid, String phone, String body) {
    Map<String, String> form = Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT,
        "From", phone, "To", "+8215880120", "Body", body, "NumMedia", "0");
    assertEquals(200, server.webhook(PATH, form, server.sign(PATH, form)).getStatus().getCode());
  }

  /** Statements sent for {@link #SENDERS} webhooks of round {@code round}, once the server is quiet again. */
  private double perWebhook(int round) throws InterruptedException {
    Jdbc jdbc = server.bean(Jdbc.class);
    long before = jdbc.statements();
    for (int i = 0; i < SENDERS; i++) {
      post(String.format("SMstatements%02d%020d", round, i), String.format("+8210333%05d", i), "도서관 몇 시에 열어요? " + i);
    }
    long settled = jdbc.statements();
    do { // the routing read-ahead of new contacts runs after the commit
      TimeUnit.MILLISECONDS.sleep(700);
    } while (settled != (settled = jdbc.statements()));
    return (settled - before) / (double) SENDERS;
  }

  @Test
  void aWebhookCostsFewStatements() throws Exception {
    post("SMstatementswarm0000000000000000001", "+821033399999", "warm");
    double first = perWebhook(1);
    double threaded = perWebhook(2);
    System.out.printf("statements per webhook: first message %.1f, threaded %.1f%n", first, threaded);
    assertTrue(first <= 6.9, "a first message (citizen, contact, message, commit) costs " + first);
    assertTrue(threaded <= 7.2, "a threaded message costs " + threaded);
    assertEquals(SENDERS, server.bean(Jdbc.class).queryOne("select count(distinct contact_id) from message"
        + " where provider_id like 'SMstatements0%'", row -> row.getInt(1)).orElseThrow(), "one contact per sender");
  }
}
