package org.onenumber.telephony.asterisk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.FakeAgentDevices;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.FakeServeSelf;
import org.onenumber.testkit.FastAgiCaller;

/**
 * The self-service topic menu (case 4b, {@link TopicMenu}) over real TCP with {@link FastAgiCaller}
 * playing Asterisk from the captures. Not captured: the topic menu and the recorded answer are
 * {@code GET DATA}/{@code STREAM FILE} commands like the captured language menu (01); their replies
 * are the captured ones. Keys: 2 English, 1 an operator, then the topic menu.
 */
class SelfServiceReplayIT {

  private static final Duration WITHIN = Duration.ofSeconds(10);
  private static final AtomicInteger CALLS = new AtomicInteger();

  private final RecordingRouting routing = new RecordingRouting();
  private final AsteriskCalls calls = new AsteriskCalls();
  private final FakeMessageGateway sms = new FakeMessageGateway();
  private final FakeServeSelf topics = new FakeServeSelf(
      "1 water-bill ko=demo-water-bill-ko en=demo-water-bill-en; 2 recycling ko=demo-recycling-ko")
      .answer("water-bill", Language.ENGLISH, "How to pay your water bill", "Pay online or at any bank.")
      .answer("water-bill", Language.KOREAN, "수도요금 납부 방법", "온라인이나 은행에서 납부하세요.")
      .answer("recycling", Language.KOREAN, "재활용", "요일별로 배출하세요.");
  private AgiIvrServer server;
  private int port;

  @BeforeEach
  void start() throws IOException {
    port = freePort();
    IvrSettings settings = IvrSettings.defaults().withPort(port).withIdleThreadKeepAlive(Duration.ofMillis(200));
    server = new AgiIvrServer(new Ivr(routing, routing, new FakeAgentDevices().put(new AgentId("op-001"), "PJSIP/op-001"),
        calls, new MapCallerLanguages(), sms, new CallerNumbers("KR"), settings, topics)).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aTopicPlaysItsAnswerAndACallerWhoHangsUpIsJournaledSelfServedNotQueued() throws Exception {
    FastAgiCaller caller = call("01012345678").press("2", "1", "1")
        .dropOn(c -> c.startsWith("GET DATA onenumber/en/after-answer")).start();
    caller.await("GET DATA onenumber/en/topic-menu", WITHIN);
    caller.await("STREAM FILE onenumber/en/answer-water-bill", WITHIN);
    await().atMost(WITHIN).until(() -> topics.served().size() == 1);
    assertEquals("ivr:self-service:water-bill", topics.served().get(0).topic());
    assertEquals(Channel.VOICE, topics.served().get(0).channel());
    assertEquals("+821012345678", topics.served().get(0).identity().value());
    assertEquals(Language.ENGLISH, topics.served().get(0).language());
    assertTrue(routing.opened().isEmpty(), "no contact queued");
    assertFalse(routing.routed().stream().anyMatch(RoutingCommand.Abandon.class::isInstance), "not abandoned");
    await().atMost(WITHIN).until(() -> server.activeSessions() == 0);
  }

  @Test
  void silenceAfterTheAnswerEndsTheCallWithAGoodbyeAsSelfServed() throws Exception {
    FastAgiCaller caller = call("01012345678").press("2", "1", "1").start();
    caller.await("STREAM FILE onenumber/en/goodbye", WITHIN);
    caller.await("HANGUP", WITHIN);
    await().atMost(WITHIN).until(() -> topics.served().size() == 1);
    assertEquals(3, caller.texts().stream().filter(c -> c.startsWith("GET DATA onenumber/en/after-answer")).count(),
        "asked the menu's attempts");
    assertTrue(routing.opened().isEmpty());
  }

  @Test
  void zeroAfterTheAnswerQueuesTheCallWithItsTopicAsUsual() throws Exception {
    FastAgiCaller caller = call("01012345678").press("2", "1", "1", "9", "0").start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    assertEquals(2, caller.texts().stream().filter(c -> c.startsWith("STREAM FILE onenumber/en/answer-water-bill"))
        .count(), "9 played it again");
    await().atMost(WITHIN).until(() -> calls.all().size() == 1);
    assertEquals("ivr:topic:water-bill", routing.opened().get(0).topic());
    assertTrue(topics.served().isEmpty(), "queued, so not self-served");
    caller.hangUp();
    routing.await(RoutingCommand.Abandon.class);
    caller.awaitClosed(WITHIN);
  }

  @Test
  void eightTextsTheAnswerToTheCallersNumber() throws Exception {
    FastAgiCaller caller = call("01012345678").press("2", "1", "1", "8").start();
    caller.await("STREAM FILE onenumber/en/answer-texted", WITHIN);
    assertEquals(1, sms.sent().size());
    assertEquals("+821012345678", sms.sent().get(0).to());
    assertTrue(sms.sent().get(0).body().startsWith("How to pay your water bill\nPay online"));
    await().atMost(WITHIN).until(() -> topics.served().size() == 1);
  }

  @Test
  void zeroOrSilenceInTheTopicMenuQueuesForAnOperator() throws Exception {
    FastAgiCaller caller = call("01012345678").press("2", "1", "0").start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    await().atMost(WITHIN).until(() -> calls.all().size() == 1);
    assertEquals("ivr:operator", routing.opened().get(0).topic());
    caller.hangUp();
    caller.awaitClosed(WITHIN);
  }

  @Test
  void aLanguageWithoutTopicsSkipsTheMenu() throws Exception {
    FastAgiCaller caller = call("01012345679").press("3", "1").start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    assertFalse(caller.texts().stream().anyMatch(c -> c.contains("topic-menu")), "no Chinese topics");
    caller.hangUp();
    caller.awaitClosed(WITHIN);
  }

  @Test
  void aKeyThatIsNoTopicIsRefusedAndAskedAgain() throws Exception {
    FastAgiCaller caller = call("01012345670").press("1", "1", "7", "2").start();
    caller.await("STREAM FILE onenumber/ko/invalid", WITHIN);
    caller.await("STREAM FILE onenumber/ko/answer-recycling", WITHIN);
    await().atMost(WITHIN).until(() -> topics.served().size() == 1);
    assertEquals("ivr:self-service:recycling", topics.served().get(0).topic());
  }

  private FastAgiCaller call(String callerId) throws IOException {
    int n = CALLS.incrementAndGet();
    return FastAgiCaller.call(InetAddress.getLoopbackAddress(), port,
        FastAgiCaller.environment("PJSIP/caller-0000010" + n, "1796161500." + n, callerId, "ivr"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
