package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.json.JsonMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Admission control on {@code /ws/chat} (issue 17): with two chat frames allowed in flight, twelve
 * citizens starting at once get {@code unavailable} error frames with {@code retryAfter} for the
 * frames shed; each sends that frame again after the hint, as the chat page does, and in the end
 * every citizen's first message is acknowledged and stored exactly once.
 */
class ChatSheddingIT {

  private static final int CITIZENS = 12;

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.admission.chat", 2,
      "onenumber.rate-limits.chat-per-minute", 1_000_000));

  @Test
  void shedChatFramesAreAnsweredUnavailableAndSentAgainUntilEveryMessageIsStoredOnce() throws Exception {
    JsonMapper json = server.bean(JsonMapper.class);
    AtomicInteger shed = new AtomicInteger();
    List<Future<?>> citizens = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CITIZENS; i++) {
        int n = i;
        citizens.add(threads.submit(() -> {
          ChatClient chat = new ChatClient(json).connect(server.uri());
          shed.addAndGet(untilAnswered(chat, Map.of("type", "start", "language", "ko"), "session"));
          shed.addAndGet(untilAnswered(chat, Map.of("type", "message", "clientId", "shed-" + n,
              "body", "민원 " + n), "ack"));
          chat.kill();
          return null;
        }));
      }
      for (Future<?> f : citizens) {
        f.get();
      }
    }
    assertTrue(shed.get() > 0, "nothing was shed with two chat frames allowed in flight");
    assertEquals(shed.get(), (long) server.bean(MeterRegistry.class)
        .counter("onenumber.admission.shed", "kind", "chat").count());
    try (Connection c = server.bean(DataSource.class).getConnection();
        ResultSet rs = c.createStatement().executeQuery(
            "select count(*), count(distinct contact_id) from message where channel = 'CHAT' and direction = 'IN'")) {
      rs.next();
      assertEquals(CITIZENS, rs.getInt(1), "each citizen's message stored once");
      assertEquals(CITIZENS, rs.getInt(2), "each in its own contact");
    }
    System.out.printf("[shedding] chat: %d citizens, %d frames shed and sent again%n", CITIZENS, shed.get());
  }

  /** Sends {@code frame} until the server answers {@code type}; the number of times it was shed. */
  private static int untilAnswered(ChatClient chat, Map<String, Object> frame, String type) throws InterruptedException {
    for (int shed = 0; ; shed++) {
      int errors = chat.frames("error").size();
      chat.send(frame);
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
          .until(() -> !chat.frames(type).isEmpty() || chat.frames("error").size() > errors);
      if (!chat.frames(type).isEmpty()) {
        return shed;
      }
      Map<String, Object> error = chat.frames("error").get(errors);
      assertEquals("unavailable", error.get("error"), error.toString());
      Thread.sleep(((Number) error.get("retryAfter")).longValue() * 1000);
    }
  }
}
