package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onenumber.server.JsonFrames;

/**
 * The clustered event bus (issue 11): two server JVMs on one PostgreSQL, their Vert.x buses joined
 * through Hazelcast on loopback. A supervisor's wallboard stream on the <em>standby</em> must show a
 * contact the owner took in and routed (the center's waiting count goes up): the owner's domain
 * events reach the standby's live figures. Before the bus was clustered, a standby's wallboard saw
 * nothing of the owner's routing. An answer created through the owner is then found by a search on
 * the standby (its own index, fed from the answer change log); an Open311 request filed on the owner
 * is counted by the standby's live department performance and its wallboard's category tab (the
 * emerging-issue fold): before, those two folds heard their own node's events only. And a node that stands down (frozen past its lease, then woken)
 * closes its citizens' chat sockets with 1013, as it does its consoles; the chat resumes on the owner.
 */
class ClusterBusIT {

  private static final Pattern CENTER_WAITING = Pattern.compile("\"center\":\\{.*?\"status\":\\{\"waiting\":(\\d+)");
  private static final Pattern WAITING = Pattern.compile("\"waiting\":(\\d+)");
  private static final Pattern RECEIVED = Pattern.compile("\"received\":(\\d+)");
  private static final Pattern CATEGORY_TAB = Pattern.compile("\"category\":\\[(.*?)\\]");
  private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");

  @Test
  void aWallboardOnTheStandbySeesAContactTheOwnerRouted() throws Exception {
    List<ServerProcess> nodes = ClusterNodes.twoNodes("cluster_bus");
    ServerProcess owner = nodes.get(0);
    ServerProcess standby = nodes.get(1);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    List<String> frames = new CopyOnWriteArrayList<>();
    CompletableFuture<HttpResponse<Stream<String>>> stream = null;
    try {
      owner.start();
      standby.startAlive();
      assertEquals(503, get(http, standby.uri(), "/health", null).statusCode(), "node-b is a standby");
      String supervisor = Logins.token(http, standby.uri(), "sv-01");
      int before = waiting(http, standby.uri(), supervisor);
      stream = http.sendAsync(HttpRequest.newBuilder(standby.uri().resolve("/api/v1/wallboard/stream"))
          .header("Authorization", "Bearer " + supervisor).header("Accept", "text/event-stream").build(),
          HttpResponse.BodyHandlers.ofLines());
      stream.thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(frames::add));

      String contact = intake(http, owner.uri());
      await("the owner routes the contact").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .until(() -> get(http, owner.uri(), "/api/v1/contacts/" + contact + "/position",
              Logins.token(http, owner.uri(), "op-001")).statusCode() == 200);
      await("the standby's wallboard shows the owner's contact waiting").atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> frames.stream().anyMatch(frame -> centerWaiting(frame) > before));
      assertTrue(waiting(http, standby.uri(), supervisor) > before, "the standby's live figures count it too");

      // an answer written through the owner is found by a search on the standby (its own index,
      // fed only from the database's answer change log)
      String admin = Logins.token(http, owner.uri(), "admin");
      String word = "zephyrine" + ProcessHandle.current().pid();
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(owner.uri().resolve("/api/v1/answers"))
          .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Street sweeping " + word + "\",\"body\":"
              + "\"Every Tuesday.\",\"language\":\"en\",\"department\":\"Roads\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode(), created.body());
      long createdAt = System.nanoTime();
      String onStandby = Logins.token(http, standby.uri(), "admin");
      await("the standby's index finds the owner's answer").atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(50)).until(() -> get(http, standby.uri(),
              "/api/v1/answers/search?all=true&q=" + word, onStandby).body().contains("\"total\":1"));
      System.out.printf("answer replica: found on the standby %d ms after the owner's 201%n",
          (System.nanoTime() - createdAt) / 1_000_000);

      // the department performance and the emerging-issue fold of the standby count what the owner
      // took in: an Open311 request filed there opens a case and a contact with a category
      int received = received(http, standby.uri(), supervisor);
      int categorized = categorized(frames);
      int seen = frames.size();
      String form = "api_key=demo-open311-key&service_code=roads-01&lat=37.5665&long=126.978&description="
          + java.net.URLEncoder.encode("길에서 수도관이 터져서 물이 콸콸 새요 " + word, java.nio.charset.StandardCharsets.UTF_8);
      HttpResponse<String> filed = http.send(HttpRequest.newBuilder(owner.uri().resolve("/open311/v2/requests.json"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, filed.statusCode(), filed.body());
      await("the standby's live department figures count the owner's case").atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200)).until(() -> received(http, standby.uri(), supervisor) > received);
      await("the standby's wallboard counts the owner's categorized contact").atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> categorizedSince(frames, seen) > categorized);
    } finally {
      if (stream != null) {
        stream.cancel(true);
      }
      standby.stop();
      owner.stop();
    }
  }

  @Test
  void aNodeThatStandsDownClosesItsChatSocketsWith1013AndTheChatResumesOnTheNewOwner() throws Exception {
    List<ServerProcess> nodes = ClusterNodes.twoNodes("cluster_chat");
    ServerProcess first = nodes.get(0);
    ServerProcess second = nodes.get(1);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    JsonMapper json = JsonMapper.createDefault();
    boolean paused = false;
    try {
      first.start();
      second.startAlive();
      JsonFrames citizen = new JsonFrames(json).open(http, chat(first.uri()));
      citizen.send(Map.of("type", "start", "language", "ko"));
      String token = (String) citizen.await(f -> "session".equals(f.get("type"))).get("token");
      citizen.send(Map.of("type", "message", "clientId", "c-1", "body", "Is the library open on Sunday?"));
      citizen.await(f -> "ack".equals(f.get("type")) && "c-1".equals(f.get("clientId")));
      JsonFrames waitingChat = new JsonFrames(json).open(http, chat(first.uri())); // opened, no conversation yet

      paused = true;
      first.pause(); // frozen past its lease: node-b takes over; woken, node-a stands down
      await("node-b takes the lease").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> get(http, second.uri(), "/health", null).statusCode() == 200);
      first.resume();
      paused = false;
      await("node-a closes its chat sockets with 1013").atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50)).until(() -> citizen.closedWith() != null
              && waitingChat.closedWith() != null);
      assertEquals(1013, citizen.closedWith(), "try again later: the page reconnects");
      assertEquals(1013, waitingChat.closedWith());
      assertEquals(503, get(http, first.uri(), "/health", null).statusCode(), "node-a no longer routes");

      JsonFrames resumed = new JsonFrames(json).open(http, chat(second.uri())); // the balancer's next pick
      resumed.send(Map.of("type", "resume", "token", token));
      assertEquals(token, resumed.await(f -> "session".equals(f.get("type"))).get("token"));
      resumed.send(Map.of("type", "message", "clientId", "c-2", "body", "And on holidays?"));
      resumed.await(f -> "ack".equals(f.get("type")) && "c-2".equals(f.get("clientId")));
    } finally {
      if (paused) {
        first.resume();
      }
      second.stop();
      first.stop();
    }
  }

  private static int categorizedSince(List<String> frames, int seen) {
    List<String> all = List.copyOf(frames);
    return categorized(all.subList(Math.min(seen, all.size()), all.size()));
  }

  /** Cases received over every row of the node's live department performance. */
  private static int received(HttpClient http, URI node, String token) throws IOException, InterruptedException {
    HttpResponse<String> figures = get(http, node, "/api/v1/reports/departments?source=live", token);
    assertEquals(200, figures.statusCode(), figures.body());
    return RECEIVED.matcher(figures.body()).results().mapToInt(m -> Integer.parseInt(m.group(1))).sum();
  }

  /** Contacts counted in the category tab (today's top categories) of the latest of {@code frames}; 0 when none. */
  private static int categorized(List<String> frames) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      Matcher tab = CATEGORY_TAB.matcher(frames.get(i));
      if (tab.find()) {
        return COUNT.matcher(tab.group(1)).results().mapToInt(m -> Integer.parseInt(m.group(1))).sum();
      }
    }
    return 0;
  }

  private static URI chat(URI node) {
    return URI.create("ws://" + node.getHost() + ":" + node.getPort() + "/ws/chat");
  }

  private static int centerWaiting(String frame) {
    Matcher m = CENTER_WAITING.matcher(frame);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static int waiting(HttpClient http, URI node, String token) throws IOException, InterruptedException {
    HttpResponse<String> figures = get(http, node, "/api/v1/service-levels?scope=center", token);
    Matcher m = WAITING.matcher(figures.body());
    assertTrue(figures.statusCode() == 200 && m.find(), figures.statusCode() + " " + figures.body());
    return Integer.parseInt(m.group(1));
  }

  private static HttpResponse<String> get(HttpClient http, URI node, String path, String token) throws IOException,
      InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofSeconds(5));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String intake(HttpClient http, URI node) throws IOException, InterruptedException {
    String body = "{\"channel\":\"VOICE\",\"phone\":\"010-7777-4242\",\"language\":\"ko\",\"topic\":\"bus test\"}";
    HttpResponse<String> posted = http.send(HttpRequest.newBuilder(node.resolve("/api/v1/contacts"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(posted.body());
    assertTrue(posted.statusCode() == 201 && id.find(), posted.statusCode() + " " + posted.body());
    return id.group(1);
  }
}
