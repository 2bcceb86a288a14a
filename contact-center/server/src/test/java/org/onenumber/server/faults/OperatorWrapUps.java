package org.onenumber.server.faults;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Operators' wrap-ups as the console sends them ({@code outcome.js}: {@code POST
 * /api/v1/contacts/{id}/wrap-up} with {@code {outcome, note, category}}), by {@link SimulatedOperators}
 * for each SMS they accept, {@value #HANDLE_MS} ms after the accept, and checked against the journal afterwards (issue 11, session 17). The
 * console does not retry; its operator clicks again when it says "Wrap-up not available": an answer
 * 5xx or none within 10 s is sent again every {@value #AGAIN_MS} ms, for at most {@value #GIVE_UP_S} s.
 * A 2xx is <b>acknowledged</b>; a 4xx after an unanswered try means that try landed (409: the contact
 * is already in wrap-up or closed). Checked ({@link #check}): each acknowledged wrap-up has exactly one
 * WRAP_UP step, one wrap-up note and one disposition ({@code wrapups_lost}), no contact has two of any
 * ({@code wrapups_duplicated}), and each acknowledged one was closed once its wrap-up time ended, on
 * whichever node then routed it ({@code wrapups_closed}). Thread-safe.
 */
final class OperatorWrapUps {

  /** A type code of the demo city's tree, the disposition the operators choose. */
  static final String CATEGORY = "water.supply.leak";
  /** The queue's wrap-up time for the run: short, so wrap-up timers end on both sides of a fault. */
  static final long WRAP_UP_SECONDS = 3;
  static final long AGAIN_MS = 250;
  /** How long an operator works a contact before wrapping it up. */
  static final long HANDLE_MS = 1500;
  static final long GIVE_UP_S = 30;

  /** How a wrap-up is sent (the operator's own HTTP client and token). */
  interface Post {
    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException;
  }

  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
  private final Map<String, Integer> refused = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final AtomicInteger tries = new AtomicInteger();
  private final List<Thread> handling = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Sets {@code queue}'s wrap-up time to {@value #WRAP_UP_SECONDS} s as an administrator does it ({@code PUT /api/v1/admin/queues/{id}}). */
  static void shortenWrapUp(HttpClient http, URI server, String queue) throws IOException, InterruptedException {
    String token = Logins.token(http, server, "admin");
    URI uri = server.resolve("/api/v1/admin/queues/" + queue);
    HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    JsonMapper json = JsonMapper.createDefault();
    @SuppressWarnings("unchecked")
    Map<String, Object> config = json.readValue(read.body(), Map.class);
    config.put("wrapUpSeconds", WRAP_UP_SECONDS);
    HttpResponse<String> written = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .PUT(HttpRequest.BodyPublishers.ofString(new String(json.writeValueAsBytes(config)))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (read.statusCode() != 200 || written.statusCode() != 200) {
      throw new IllegalStateException(queue + "'s wrap-up time not set: " + read.statusCode() + ", " + written.statusCode()
          + " " + written.body());
    }
  }

  /**
   * The operator handles {@code contact} for {@value #HANDLE_MS} ms, then wraps it up ({@link #wrapUp}),
   * on a thread of its own while the console takes the next offer: wrap-ups keep coming for a while
   * after offers stop (a dead owner offers nothing).
   */
  void handleThenWrapUp(String contact, Post post) {
    handling.add(Thread.ofVirtual().name("wrap-up-" + contact).start(() -> {
      LockSupport.parkNanos(Duration.ofMillis(HANDLE_MS).toNanos());
      try {
        wrapUp(contact, post);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
  }

  /** Waits for every wrap-up under way, then for their wrap-up time to end (the contacts closed). */
  void awaitDone() throws InterruptedException {
    for (Thread thread : handling) {
      thread.join(Duration.ofSeconds(HANDLE_MS / 1000 + GIVE_UP_S + 10));
    }
    LockSupport.parkNanos(Duration.ofSeconds(WRAP_UP_SECONDS + 2).toNanos());
  }

  /** Wraps {@code contact} up as the console does, clicking again while the answer is 5xx or missing. */
  void wrapUp(String contact, Post post) throws InterruptedException {
    String body = "{\"outcome\":\"RESOLVED\",\"note\":\"wrap-up of " + contact + "\",\"category\":\"" + CATEGORY + "\"}";
    long deadline = System.nanoTime() + Duration.ofSeconds(GIVE_UP_S).toNanos();
    sentAt.put(contact, System.nanoTime());
    while (true) {
      int status;
      try {
        tries.incrementAndGet();
        status = post.post("/api/v1/contacts/" + contact + "/wrap-up", body).statusCode();
      } catch (IOException unanswered) {
        status = 0;
      }
      statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      if (status / 100 == 2) {
        acknowledgedAt.put(contact, System.nanoTime());
        return;
      }
      if (status / 100 == 4) {
        refused.put(contact, status);
        return;
      }
      if (System.nanoTime() > deadline) {
        return;
      }
      LockSupport.parkNanos(Duration.ofMillis(AGAIN_MS).toNanos());
    }
  }

  /** Wrap-ups first sent after {@code nanoTime} (a {@link System#nanoTime}). */
  int sentAfter(long nanoTime) {
    return (int) sentAt.values().stream().filter(at -> at > nanoTime).count();
  }

  /** The run's wrap-up figures for the RESULT line, checked against the journal; asserts nothing. */
  Map<String, String> check(CrashSafetyIT.Database database, long killedAt) throws SQLException {
    Map<String, int[]> counts = counts(database, List.copyOf(sentAt.keySet()));
    List<String> lost = acknowledgedAt.keySet().stream()
        .filter(c -> counts.get(c)[0] != 1 || counts.get(c)[1] != 1 || counts.get(c)[2] != 1).sorted().toList();
    List<String> twice = counts.entrySet().stream()
        .filter(e -> e.getValue()[0] > 1 || e.getValue()[1] > 1 || e.getValue()[2] > 1).map(Map.Entry::getKey).sorted()
        .toList();
    long closed = acknowledgedAt.keySet().stream().filter(c -> counts.get(c)[3] == 1).count();
    Map<Integer, Integer> byStatus = new TreeMap<>();
    statuses.forEach((status, n) -> byStatus.put(status, n.get()));
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("wrapups_sent", String.valueOf(sentAt.size()));
    figures.put("wrapups_sent_after_kill", String.valueOf(sentAfter(killedAt)));
    figures.put("wrapups_acked", String.valueOf(acknowledgedAt.size()));
    figures.put("wrapups_acked_after_kill",
        String.valueOf(acknowledgedAt.values().stream().filter(at -> at > killedAt).count()));
    figures.put("wrapup_tries", String.valueOf(tries.get()));
    figures.put("wrapup_statuses", byStatus.toString().replace(" ", ""));
    figures.put("wrapups_refused", String.valueOf(refused.size()));
    figures.put("wrapups_closed", String.valueOf(closed));
    figures.put("wrapups_lost", String.valueOf(lost.size()));
    figures.put("wrapups_duplicated", String.valueOf(twice.size()));
    if (!lost.isEmpty() || !twice.isEmpty()) {
      lost.forEach(c -> System.out.println("wrap-up lost: " + c + " " + java.util.Arrays.toString(counts.get(c))));
      twice.forEach(c -> System.out.println("wrap-up twice: " + c + " " + java.util.Arrays.toString(counts.get(c))));
    }
    return figures;
  }

  /** Per contact: WRAP_UP steps, wrap-up notes, dispositions chosen, CLOSED steps. */
  private static Map<String, int[]> counts(CrashSafetyIT.Database database, List<String> contacts) throws SQLException {
    String[] queries = {
        "select count(*) from contact_step where contact_id = ? and upper(state) = 'WRAP_UP'",
        "select count(*) from contact_note where contact_id = ? and kind = 'WRAP_UP'",
        "select count(*) from contact_disposition_history where contact_id = ?",
        "select count(*) from contact_step where contact_id = ? and upper(state) = 'CLOSED'"};
    Map<String, int[]> counts = new LinkedHashMap<>();
    try (Connection c = database.open()) {
      for (int q = 0; q < queries.length; q++) {
        try (PreparedStatement s = c.prepareStatement(queries[q])) {
          for (String contact : contacts) {
            s.setString(1, contact);
            try (ResultSet row = s.executeQuery()) {
              row.next();
              counts.computeIfAbsent(contact, k -> new int[queries.length])[q] = row.getInt(1);
            }
          }
        }
      }
    }
    return counts;
  }
}
