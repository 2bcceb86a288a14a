package org.onenumber.server.faults;

import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.server.JsonFrames;

/**
 * Citizens on browser calls ({@code /ws/call}) who hang up while they wait, as the call page does: each
 * starts a call ({@code start}: {@code session} with the contact, then {@code waiting}); then, one every
 * {@code gap} from one thread, each sends {@code hangup}. The server hands the abandon to routing
 * without waiting and tries it again until it is journaled (on the partition's owner of that moment,
 * relayed over the bus from the node holding the socket), and the citizen hears {@code ended} once it
 * is. A socket that closes before {@code ended} (its node died: calls live in the node's memory) is
 * {@link #broken}. Thread-safe to read.
 */
final class CallHangUps {

  private final URI ws;
  private final String run;
  private final JsonMapper json = JsonMapper.createDefault();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<String, JsonFrames> calls = new LinkedHashMap<>();
  private final Map<String, Long> hungUpAt = new ConcurrentHashMap<>();
  private volatile Thread hangingUp;

  CallHangUps(URI server, String run) {
    this.ws = URI.create(server.toString().replaceFirst("^http", "ws") + "/ws/call");
    this.run = run;
  }

  /** Starts {@code callers} calls in {@code mode} ({@code voice}: a Korean caller, general-ko; {@code sign}) and waits until each waits. */
  CallHangUps start(int callers, String mode) {
    for (int i = 0; i < callers; i++) {
      JsonFrames call = new JsonFrames(json).open(http, ws);
      call.send(Map.of("type", "start", "mode", mode, "language", "ko", "caller", "browser-" + run + "-" + i));
      String contact = (String) call.await(f -> "session".equals(f.get("type"))).get("contactId");
      call.await(f -> "waiting".equals(f.get("type")));
      calls.put(contact, call);
    }
    return this;
  }

  /** The callers' contacts, in the order they hang up. */
  List<String> contacts() {
    return List.copyOf(calls.keySet());
  }

  /** Starts hanging up: one caller every {@code gap}, in order, on a thread of its own. */
  CallHangUps hangUpEvery(Duration gap) {
    hangingUp = Thread.ofPlatform().name("call-hang-ups").start(() -> {
      for (Map.Entry<String, JsonFrames> call : calls.entrySet()) {
        if (call.getValue().closedWith() == null) {
          try {
            call.getValue().send(Map.of("type", "hangup", "contactId", call.getKey()));
            hungUpAt.put(call.getKey(), System.nanoTime());
          } catch (RuntimeException brokenMeanwhile) {
            // its node died: broken
          }
        }
        try {
          Thread.sleep(gap.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    return this;
  }

  /** Hang-ups sent so far. */
  int hungUp() {
    return hungUpAt.size();
  }

  /** Hang-ups sent after {@code nanoTime} (a {@link System#nanoTime}). */
  int hungUpAfter(long nanoTime) {
    return (int) hungUpAt.values().stream().filter(at -> at > nanoTime).count();
  }

  /** Waits for the hang-ups to be sent, then until every call has {@code ended} or broke, {@code atMost}. */
  void awaitEnded(Duration atMost) throws InterruptedException {
    hangingUp.join();
    long end = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < end && ended().size() + broken().size() < calls.size()) {
      Thread.sleep(50);
    }
  }

  /** Callers whose hang-up was answered {@code ended}. */
  List<String> ended() {
    return calls.entrySet().stream().filter(c -> c.getValue().frames().stream().anyMatch(f -> "ended".equals(f.get("type"))))
        .map(Map.Entry::getKey).toList();
  }

  /** Callers whose socket closed without {@code ended}. */
  List<String> broken() {
    return calls.entrySet().stream().filter(c -> c.getValue().closedWith() != null
        && c.getValue().frames().stream().noneMatch(f -> "ended".equals(f.get("type")))).map(Map.Entry::getKey).toList();
  }

  /** Callers answered {@code error} (a refused hang-up). */
  List<String> refused() {
    return calls.entrySet().stream().filter(c -> c.getValue().frames().stream().anyMatch(f -> "error".equals(f.get("type"))))
        .map(Map.Entry::getKey).toList();
  }

  /** The journal's ABANDONED steps of each of {@code contacts}. */
  static Map<String, Integer> abandonedSteps(CrashSafetyIT.Database database, List<String> contacts) throws SQLException {
    Map<String, Integer> steps = new LinkedHashMap<>();
    try (Connection c = database.open(); PreparedStatement s = c.prepareStatement(
        "select count(*) from contact_step where contact_id = ? and upper(state) = 'ABANDONED'")) {
      for (String contact : contacts) {
        s.setString(1, contact);
        try (ResultSet row = s.executeQuery()) {
          row.next();
          steps.put(contact, row.getInt(1));
        }
      }
    }
    return steps;
  }

  /** Closes every socket still open. */
  void close() {
    new ArrayList<>(calls.values()).forEach(JsonFrames::kill);
  }
}
