package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onenumber.server.RunsAlone;
import org.onenumber.server.TestDatabases;
import org.onenumber.testkit.TcpProxy;

/**
 * A database outage under mixed load (issue 11): the server (a child JVM) reaches PostgreSQL
 * through a {@link TcpProxy}; while webhooks and intake posts run, citizens chat and operators
 * accept offers on their sockets ({@link OutageRun}), the proxy resets every connection and refuses
 * new ones for {@code -Dfaults.outage-seconds} (default 10 in CI; {@code bin/faults} runs 30),
 * then lets them through again.
 * Checked: during the outage every refused request is a 503 with {@code Retry-After}, {@code
 * /health} says DOWN and a chat message is answered {@code unavailable} instead of {@code ack};
 * the server recovers by itself (no restart); afterwards every 2xx is stored exactly once, no
 * refused webhook sent after the cut was stored (one in flight at the cut may have committed
 * although its connection broke before the answer: it is counted as in doubt, and a webhook's retry
 * must leave it stored once), every intake post answered 503 was sent again under its {@code
 * Idempotency-Key} until acknowledged and is stored exactly once (intake_duplicates = 0, even for
 * one whose commit landed at the cut), Twilio's retries of the refused webhooks are stored once,
 * every acknowledged chat message once, no contact was offered to or held by two operators at
 * once, and the routing engine holds exactly the queued contacts of the journal. Prints {@code RESULT
 * faults scenario=db-outage-postgres …}. Needs the PostgreSQL of {@code bin/pg-setup}.
 */
@RunsAlone
class DatabaseOutageIT {

  private static final int OUTAGE_SECONDS = Integer.getInteger("faults.outage-seconds", 10);
  private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/(.+)$");

  @Test
  void postgresOutageUnderLoadRefusesWithRetryAfterLosesNothingAndRecoversByItself() throws Exception {
    String url = TestDatabases.freshPostgres("db_outage");
    Matcher m = HOST_PORT.matcher(url);
    assertTrue(m.matches(), url);
    Path dir = Files.createTempDirectory("onenumber-outage");
    try (TcpProxy proxy = new TcpProxy(m.group(1), Integer.parseInt(m.group(2)))) {
      Map<String, String> properties = new HashMap<>(Map.of("micronaut.environments", "postgres",
          "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + m.group(3),
          "datasources.default.username", TestDatabases.PG_USER,
          "datasources.default.password", TestDatabases.PG_PASSWORD,
          "onenumber.rate-limits.intake-per-minute", "1000000",
          "onenumber.rate-limits.chat-per-minute", "1000000"));
      try (OutageRun run = new OutageRun(new ServerProcess(dir, properties), proxy, OUTAGE_SECONDS);
          Connection c = DriverManager.getConnection(url, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD)) {
        run.run();
        OutageRun.Counts counts = run.count(c);
        System.out.printf("RESULT faults scenario=db-outage-postgres outage_s=%d acked=%d refused=%d lost=%d "
            + "duplicated=%d stored_refused=%d in_doubt_stored=%d double_assigned=%d engine_journal_mismatch=%d recover_s=%.1f "
            + "intake_retried=%d intake_duplicates=%d chats_acked=%d chats_unavailable=%d accepted=%d accepted_twice=%d"
            + " statuses=%s%n",
            OUTAGE_SECONDS, run.load().acknowledged() + run.citizens().acked().size(), run.refused(), counts.lost(),
            counts.duplicated(), counts.storedRefused(), counts.inDoubtStored(), counts.doubleAssigned(), counts.engineMismatch(),
            run.recoverSeconds(), counts.intakeRetried(), counts.intakeDuplicates(), run.citizens().acked().size(), run.citizens().unavailable(),
            run.operators().accepted(), run.operators().acceptedTwice(), run.load().statuses());
        assertTrue(run.refused() > 0, "the outage refused nothing: " + run.load().statuses());
        assertEquals(0, run.load().unavailableWithoutRetryAfter(), "a 503 without Retry-After");
        assertTrue(run.load().statuses().keySet().stream().allMatch(status -> status / 100 == 2 || status == 503),
            "every answer is an acknowledgement or a 503: " + run.load().statuses());
        assertEquals(0, counts.lost(), "acknowledged items lost");
        assertEquals(0, counts.duplicated(), "items stored twice");
        assertEquals(0, counts.storedRefused(), "webhooks answered 503 but stored");
        assertEquals(0, counts.intakeDuplicates(), "intake posts retried under their Idempotency-Key and stored twice");
        assertEquals(0, counts.engineMismatch(), "queues where the routing engine and the journal disagree");
        assertEquals(0, counts.doubleAssigned(), "contacts offered to or held by two operators at once (journal)");
        assertEquals(0, run.operators().acceptedTwice(), "contacts two operators were allowed to accept");
        assertTrue(run.chatRefusedWithRetryAfter(), "a chat message during the outage: " + run.chatFrames());
        assertTrue(run.chatAcknowledgedAfter(), "the chat message sent again after the outage: " + run.chatFrames());
      }
    }
  }
}
