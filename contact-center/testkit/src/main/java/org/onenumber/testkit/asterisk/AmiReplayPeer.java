package org.onenumber.testkit.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local AMI server that behaves like the recorded Asterisk 22: on each connection the banner
 * {@code Asterisk Call Manager/11.0.0}, then login (plain {@code Secret} or the MD5 {@code
 * Challenge} Asterisk-Java uses; a wrong secret is refused after {@link #loginFailureDelay} and the
 * connection closed, as in capture 07b; any action before login gets "Permission denied"). After
 * login connection <i>k</i> replays the <i>k</i>-th AMI connection of its scenario in file order,
 * waiting wherever the recorded client sent an action until our client sends the same action, and
 * answering it with the recorded answer under our client's ActionID (an action is kept for the
 * script only when it is the next one the script waits for; others are answered at once). A recorded close (07c's
 * restart) closes the socket; the next connection plays the next recorded one. Actions outside the
 * script get the first answer recorded for them in any scenario ({@link AmiReplies}).
 *
 * <p>Threads: one acceptor, and per connection a reader and a script player, all daemon threads
 * named {@code ami-peer-*}. Every action received is kept for assertions ({@link #actions}).
 */
public final class AmiReplayPeer implements AutoCloseable {

  public static final String USERNAME = "ccapp";
  public static final String SECRET = "ccapp-secret";
  static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";
  private static final String FULLY_BOOTED =
      "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 0\r\nLastReload: 0\r\nStatus: Fully Booted\r\n\r\n";

  private final List<AmiScript> scripts;
  private final AmiReplies replies;
  private final ServerSocket server;
  private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
  private final List<AmiPeerConnection> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile CountDownLatch play = new CountDownLatch(0);
  private volatile boolean callUp;
  private volatile Duration loginFailureDelay = Duration.ofSeconds(1);
  private volatile java.util.function.Consumer<Map<String, String>> onAction = action -> { };

  /** A peer replaying {@code scenario} (e.g. {@code 01-inbound-answered}) on a free loopback port. */
  public static AmiReplayPeer start(String scenario) {
    return new AmiReplayPeer(AsteriskCapture.load(scenario));
  }

  /** A peer replaying {@code scenario} on loopback port {@code port} (0: a free one). */
  public static AmiReplayPeer start(String scenario, int port) {
    return new AmiReplayPeer(AsteriskCapture.load(scenario), port);
  }

  public AmiReplayPeer(AsteriskCapture capture) {
    this(capture, 0);
  }

  public AmiReplayPeer(AsteriskCapture capture, int port) {
    this.scripts = AmiScript.of(capture);
    this.replies = AmiReplies.fromFolder(AsteriskCapture.folder());
    try {
      this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on loopback", e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "ami-peer-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Scripts wait after login until {@link #play()} (so a test can prepare its calls first). */
  public AmiReplayPeer holdScript() {
    play = new CountDownLatch(1);
    return this;
  }

  /** Lets held scripts run. */
  public void play() {
    play.countDown();
  }

  /**
   * What {@code CoreShowChannels} outside the script lists: the recorded live call of 07a (caller
   * {@code PJSIP/caller-00000014} bridged with {@code PJSIP/agent-001-00000015}) or, by default, no
   * channel (07a after the hangup).
   */
  public AmiReplayPeer callUp(boolean up) {
    this.callUp = up;
    return this;
  }

  public AmiReplayPeer loginFailureDelay(Duration delay) {
    this.loginFailureDelay = delay;
    return this;
  }

  /**
   * Also hands every action to {@code listener} on the connection's reader thread as it arrives (a
   * benchmark takes its arrival time there); the listener must not block.
   */
  public AmiReplayPeer onAction(java.util.function.Consumer<Map<String, String>> listener) {
    this.onAction = listener;
    return this;
  }

  /** Every action received, as headers (names compared without case, as Asterisk does), in arrival order. */
  public List<Map<String, String>> actions() {
    return List.copyOf(actions);
  }

  /** The actions named {@code action} received so far. */
  public List<Map<String, String>> actions(String action) {
    return actions.stream().filter(a -> action.equalsIgnoreCase(a.get("Action"))).toList();
  }

  /**
   * True while a connection's script has played everything before its recorded {@code action} and
   * waits for ours: an action sent earlier is answered at once and not kept for the script.
   */
  public boolean scriptWaitsFor(String action) {
    return connections.stream().anyMatch(c -> c.waitingFor(action));
  }

  /** How many TCP connections were accepted. */
  public int connectionsAccepted() {
    return accepted.get();
  }

  /** Drops every open connection at once, as a network loss would (no Shutdown event). */
  public void drop() {
    connections.forEach(AmiPeerConnection::close);
  }

  /**
   * Writes the recorded events of {@code capture}'s first connection cyclically on every open
   * connection until {@code count} events are written, as fast as the socket takes them.
   */
  public void blast(AsteriskCapture capture, int count) throws IOException {
    List<String> events = new ArrayList<>();
    for (AmiScript.Step step : AmiScript.of(capture).get(0).steps()) {
      if (step instanceof AmiScript.Send s && s.text().startsWith("Event:")) {
        events.add(s.text());
      }
    }
    for (AmiPeerConnection c : connections) {
      c.blast(events, count);
    }
  }

  /**
   * Sends, on every open connection, the event {@code event} of {@code capture} that names {@code
   * recordedChannel}, with that channel renamed {@code channel}: an event the running script does
   * not hold at this point, taken from a recording (a test that uses it says so).
   */
  public void sendRecorded(String capture, String event, String recordedChannel, String channel) throws IOException {
    String recorded = AmiScript.of(AsteriskCapture.load(capture)).stream().flatMap(script -> script.steps().stream())
        .filter(step -> step instanceof AmiScript.Send).map(step -> ((AmiScript.Send) step).text())
        .filter(text -> text.startsWith("Event: " + event + "\r\n") && text.contains("Channel: " + recordedChannel + "\r\n"))
        .findFirst().orElseThrow(() -> new IllegalArgumentException(capture + " has no " + event + " of " + recordedChannel));
    String text = recorded.replace("Channel: " + recordedChannel + "\r\n", "Channel: " + channel + "\r\n");
    for (AmiPeerConnection c : connections) {
      c.blast(List.of(text), 1);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    drop();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        int index = accepted.getAndIncrement();
        AmiPeerConnection c = new AmiPeerConnection(this, socket, index,
            index < scripts.size() ? scripts.get(index) : new AmiScript(List.of()));
        connections.add(c);
        c.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  // ---- used by AmiPeerConnection -----------------------------------------------------------------

  void received(Map<String, String> action) {
    onAction.accept(action);
    actions.add(action);
  }

  void forget(AmiPeerConnection connection) {
    connections.remove(connection);
  }

  void awaitPlay() throws InterruptedException {
    play.await();
  }

  Duration loginFailureDelay() {
    return loginFailureDelay;
  }

  String fullyBooted() {
    return FULLY_BOOTED;
  }

  /** The recorded answer to an unscripted {@code action}, or null for an unknown one. */
  List<String> answer(String action) {
    if ("coreshowchannels".equalsIgnoreCase(action)) {
      return replies.answer(action, callUp ? 0 : 1);
    }
    if ("nosuchaction".equalsIgnoreCase(action)) {
      return null;
    }
    return replies.answer(action);
  }

  static boolean keyMatches(String challenge, String key) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(challenge.getBytes(StandardCharsets.UTF_8));
      md5.update(SECRET.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md5.digest()).equalsIgnoreCase(key);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads one AMI message (header lines up to a blank line) as case-insensitive headers; null at end of stream. */
  static Map<String, String> readMessage(BufferedReader in) throws IOException {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (headers.isEmpty()) {
          continue;
        }
        return headers;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon);
        String value = line.substring(colon + 1).strip();
        headers.merge(name, value, (a, b) -> a + "\n" + b);
      }
    }
    return null;
  }

  static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
