package org.onenumber.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Plays Asterisk to a FastAGI server over a real TCP socket, the way Asterisk 22 did in the
 * recordings of {@code shared/data/asterisk} ({@link AsteriskCaptures}): it sends the captured
 * environment block (00) with this call's channel, uniqueid, caller id and script, then answers
 * every command with the reply lines Asterisk gave to that command in captures 01, 02 and 03a–c.
 * Keys pressed, the outcome of each {@code Dial} and the moment the caller hangs up are the
 * test's choice.
 *
 * <p>The replies come from {@link AgiChannelReplies} (shared with the bench's event-loop client;
 * it says which replies are derived from captured ones). An answered {@code Dial} with a {@code
 * U(context^contact^agent)} option opens the second FastAGI connection Asterisk makes for the
 * {@code answered} script, on the operator's leg. Asterisk-Java quotes arguments ({@code EXEC "Dial" "PJSIP/op-001,15"}),
 * the recording client did not; Asterisk reads both alike, and so does this client.
 *
 * <p>Threading: one reader thread per call ({@code fastagi-caller-N}); the test's thread presses
 * keys, ends dials and hangs up. Commands are recorded with their arrival times.
 */
public final class FastAgiCaller implements AutoCloseable {

  /** How an operator's phone reacts to {@code Dial}. */
  public enum DialOutcome {
    ANSWER,
    NOANSWER,
    BUSY,
    CHANUNAVAIL
  }

  /**
   * A command as received (quotes removed), when it arrived, and the nanoseconds since this
   * client wrote its previous reply (the server's turnaround for the command).
   */
  public record Command(String text, long atNanos, long sinceReplyNanos) {}

  /**
   * A {@code Dial} as it reaches the caller's channel: the dialled device and, from its {@code
   * U(context^contact^agent)} option, the contact and the operator (null without that option).
   */
  public record Ring(String device, String contact, String agent) {}

  /** Asterisk's {@code MAX_AGI_CONNECT} (res_agi.c): how long it tries to reach a FastAGI server. */
  static final int CONNECT_TIMEOUT_MS = 2000;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final InetAddress host;
  private final int port;
  private final Map<String, String> environment;
  private final Socket socket;
  private final Writer out;
  private final BufferedReader in;
  private final AgiChannelReplies replies;
  private final BlockingQueue<List<String>> bridgedUntil = new LinkedBlockingQueue<>();
  private final List<Command> commands = new ArrayList<>();
  private final List<String> answeredLegCommands = new ArrayList<>();
  private volatile Predicate<String> abortOn = command -> false;
  private volatile java.util.function.ToLongFunction<String> playNanos = command -> 0;
  private volatile boolean bridged;
  private volatile boolean closedByServer;
  private volatile long lastReplyNanos;

  private FastAgiCaller(InetAddress host, int port, Map<String, String> environment) throws IOException {
    this.host = host;
    this.port = port;
    this.environment = environment;
    this.replies = new AgiChannelReplies(environment);
    this.socket = connect(host, port);
    this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The captured environment (00) for a new call: channel, uniqueid, caller id and script replaced. */
  public static Map<String, String> environment(String channel, String uniqueId, String callerId, String script) {
    return AgiChannelReplies.environment(channel, uniqueId, callerId, script);
  }

  /**
   * Opens {@code count} calls at once, each sending {@code environment}; once all are connected,
   * answers each one's {@code ANSWER} (so every session is mid-call) and then vanishes without a
   * reply to the next command, as a caller whose line drops. One thread for all. Returns how many
   * sessions got as far as their first command.
   */
  public static int abandonMany(InetAddress host, int port, int count, Map<String, String> environment)
      throws IOException {
    byte[] env = AgiChannelReplies.block(environment).getBytes(StandardCharsets.UTF_8);
    byte[] answered = (AsteriskCaptures.reply("01-inbound-answered", "ANSWER") + "\n").getBytes(StandardCharsets.UTF_8);
    List<Socket> sockets = new ArrayList<>();
    int reached = 0;
    try {
      for (int i = 0; i < count; i++) {
        Socket socket = connect(host, port);
        sockets.add(socket);
        socket.getOutputStream().write(env);
      }
      for (Socket socket : sockets) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        if ("ANSWER".equals(reader.readLine())) {
          reached++;
          socket.getOutputStream().write(answered);
          reader.readLine();
        }
        socket.close();
      }
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
    return reached;
  }

  /**
   * Connects as Asterisk's {@code res_agi} does: it gives up after {@value #CONNECT_TIMEOUT_MS} ms
   * ({@code MAX_AGI_CONNECT}) and the dialplan goes on (here: the call fails with the timeout), so a
   * server whose accept backlog is full cannot hold a caller in {@code connect} for the kernel's SYN
   * retries (minutes).
   */
  private static Socket connect(InetAddress host, int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return socket;
  }

  /** Connects; {@link #start} then sends the environment block and starts answering commands. */
  public static FastAgiCaller call(InetAddress host, int port, Map<String, String> environment) throws IOException {
    return new FastAgiCaller(host, port, environment);
  }

  /** Sends the environment block and starts answering commands (keys, dial plan and drops set before). */
  public FastAgiCaller start() throws IOException {
    sendEnvironment(environment);
    Thread reader = new Thread(this::serve, "fastagi-caller-" + THREADS.incrementAndGet());
    reader.setDaemon(true);
    reader.start();
    return this;
  }

  /**
   * A channel variable of the caller's channel (as an Originate's {@code Variable} header sets it),
   * answered to {@code GET VARIABLE name} in the captured reply shape ({@code 200 result=1 (value)}).
   */
  public FastAgiCaller variable(String name, String value) {
    replies.variable(name, value);
    return this;
  }

  /** Keys for the next {@code GET DATA} commands, one per command; "" is a time-out. */
  public FastAgiCaller press(String... pressed) {
    replies.press(pressed);
    return this;
  }

  /**
   * Keys chosen by the menu being played: {@code plan} gets each {@code GET DATA} command (its
   * prompt file names the menu, e.g. {@code onenumber/ko/main-menu}) and returns the key, "" for a
   * time-out; keys queued by {@link #press} go first.
   */
  public FastAgiCaller answerMenus(Function<String, String> plan) {
    replies.answerMenus(plan);
    return this;
  }

  /** How each dialled device reacts (by dial string, such as {@code PJSIP/op-001}). */
  public FastAgiCaller onDial(Function<String, DialOutcome> plan) {
    replies.onRing(ring -> plan.apply(ring.device()));
    return this;
  }

  /** How each {@code Dial} is answered, knowing the contact and operator it rings for. */
  public FastAgiCaller onRing(Function<Ring, DialOutcome> plan) {
    replies.onRing(plan);
    return this;
  }

  /**
   * Told how each {@code Dial} ended, before its reply is written: ANSWER only when the legs are
   * bridged (an answer whose {@code answered} script set {@code GOSUB_RESULT=BUSY} is BUSY).
   */
  public FastAgiCaller onDialled(java.util.function.BiConsumer<Ring, DialOutcome> listener) {
    replies.onDialled(listener);
    return this;
  }

  /**
   * How long Asterisk takes before answering each command (a prompt playing, a key pressed), in
   * nanoseconds; 0 (the default) answers at once. Not in the round trip, which starts at the reply.
   */
  public FastAgiCaller playing(java.util.function.ToLongFunction<String> nanos) {
    this.playNanos = nanos;
    return this;
  }

  /** Closes the socket without a reply when a command matching {@code command} arrives (a caller gone mid-command). */
  public FastAgiCaller dropOn(Predicate<String> command) {
    this.abortOn = command;
    return this;
  }

  /**
   * The caller hangs up now: a running {@code Dial}/{@code Bridge} returns {@code 200 result=-1}
   * then {@code HANGUP} (capture 01/02); otherwise the unsolicited {@code HANGUP} line is sent.
   */
  public void hangUp() throws IOException {
    boolean inCommand;
    synchronized (bridgedUntil) {
      replies.hangUp();
      inCommand = bridged;
      if (inCommand) {
        bridgedUntil.add(AgiChannelReplies.hungUpWhileBridged());
      }
    }
    if (!inCommand) {
      write(List.of("HANGUP"));
    }
  }

  /** The operator's leg ends (hung up, or moved by AMI): the running {@code Dial}/{@code Bridge} returns 0. */
  public void operatorLeaves() {
    bridgedUntil.add(AgiChannelReplies.operatorLeft());
  }

  /** The environment this call sent. */
  public Map<String, String> environment() {
    return environment;
  }

  public boolean bridged() {
    return bridged;
  }

  public boolean closedByServer() {
    return closedByServer;
  }

  public List<Command> commands() {
    synchronized (commands) {
      return List.copyOf(commands);
    }
  }

  public List<String> texts() {
    return commands().stream().map(Command::text).toList();
  }

  /** Commands the server sent on the operator's leg(s) (the {@code answered} script). */
  public List<String> answeredLegCommands() {
    synchronized (answeredLegCommands) {
      return List.copyOf(answeredLegCommands);
    }
  }

  /** Waits until a command starting with {@code prefix} arrived; fails the test after {@code within}. */
  public Command await(String prefix, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    synchronized (commands) {
      while (true) {
        for (Command c : commands) {
          if (c.text().startsWith(prefix)) {
            return c;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no AGI command '" + prefix + "' within " + within + "; got " + commands);
        }
        commands.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Waits until the server closed the connection. */
  public void awaitClosed(Duration within) throws InterruptedException {
    if (!closedWithin(within)) {
      throw new AssertionError("the server kept the FastAGI connection open; commands " + commands());
    }
  }

  /** Whether the server closed the connection within {@code within} (waits at most that long). */
  public boolean closedWithin(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    synchronized (commands) {
      while (!closedByServer) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        commands.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void sendEnvironment(Map<String, String> env) throws IOException {
    synchronized (out) {
      out.write(AgiChannelReplies.block(env));
      out.flush();
      lastReplyNanos = System.nanoTime();
    }
  }

  private void serve() {
    try {
      String line;
      while ((line = in.readLine()) != null) {
        long now = System.nanoTime();
        String command = unquote(line);
        synchronized (commands) {
          commands.add(new Command(command, now, now - lastReplyNanos));
          commands.notifyAll();
        }
        if (abortOn.test(command)) {
          socket.close();
          break;
        }
        long play = playNanos.applyAsLong(command);
        if (play > 0) {
          Thread.sleep(play / 1_000_000, (int) (play % 1_000_000));
        }
        write(reply(command));
      }
    } catch (IOException | InterruptedException e) {
      // the server or the test closed the socket
    } finally {
      synchronized (commands) {
        closedByServer = true;
        commands.notifyAll();
      }
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** Carries out the shared reply: a bridge holds this call's reader, an answered leg runs its script first. */
  private List<String> reply(String command) throws InterruptedException, IOException {
    AgiChannelReplies.Reply reply = replies.reply(command);
    if (reply instanceof AgiChannelReplies.Reply.AnsweredLeg leg) {
      reply = replies.afterLeg(answeredLeg(leg.environment()));
    }
    return switch (reply) {
      case AgiChannelReplies.Reply.Lines lines -> lines.lines();
      case AgiChannelReplies.Reply.Bridged bridge -> connect();
      case AgiChannelReplies.Reply.AnsweredLeg leg -> throw new IllegalStateException("a leg answers a leg");
    };
  }

  /** Holds the caller's command until the test hangs up or the operator's leg leaves. */
  private List<String> connect() throws InterruptedException {
    synchronized (bridgedUntil) {
      if (replies.dead()) {
        return AgiChannelReplies.hungUpWhileBridged();
      }
      bridged = true;
    }
    try {
      return bridgedUntil.take();
    } finally {
      bridged = false;
    }
  }

  /**
   * Runs the {@code answered} script on the operator's leg as Asterisk does for Dial's {@code U()}:
   * a second FastAGI connection with {@code env}. True when the script set {@code GOSUB_RESULT=BUSY}.
   */
  private boolean answeredLeg(Map<String, String> env) throws IOException {
    boolean busy = false;
    try (Socket leg = connect(host, port);
        Writer legOut = new OutputStreamWriter(leg.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader legIn = new BufferedReader(new InputStreamReader(leg.getInputStream(), StandardCharsets.UTF_8))) {
      legOut.write(AgiChannelReplies.block(env));
      legOut.flush();
      String line;
      while ((line = legIn.readLine()) != null) {
        String command = unquote(line);
        synchronized (answeredLegCommands) {
          answeredLegCommands.add(command);
        }
        busy |= AgiChannelReplies.legSaysBusy(command);
        legOut.write(AgiChannelReplies.legReply() + "\n");
        legOut.flush();
      }
    }
    return busy;
  }

  private void write(List<String> lines) throws IOException {
    synchronized (out) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
      out.flush();
      lastReplyNanos = System.nanoTime();
    }
  }

  static String unquote(String line) {
    return AgiChannelReplies.unquote(line);
  }
}
