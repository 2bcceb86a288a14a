package org.onenumber.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * <p>Replies not in the captures are derived from captured ones (the captured script never sent
 * these commands): {@code SAY NUMBER} answers like {@code EXEC StartMusicOnHold} ({@code 200
 * result=0}); {@code CHANNEL STATUS} answers {@code 200 result=6} (up) on a live channel and, like
 * every media command, the captured {@code 511} on a dead one; {@code GET VARIABLE
 * CHANNEL(linkedid)} answers in the captured {@code DIALSTATUS} form with the call's uniqueid; an
 * {@code EXEC} on a dead channel answers {@code 200 result=-1} (as the running EXEC did in 02);
 * {@code Bridge} and {@code ConfBridge} end like an answered {@code Dial}; a key pressed answers
 * {@code GET DATA} like digit 1 did in 01. An answered {@code Dial} with a {@code U(context^contact^agent)}
 * option opens the second FastAGI connection Asterisk makes for the {@code answered} script, on
 * the operator's leg. Asterisk-Java quotes arguments ({@code EXEC "Dial" "PJSIP/op-001,15"}),
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

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";

  private final InetAddress host;
  private final int port;
  private final Map<String, String> environment;
  private final Socket socket;
  private final Writer out;
  private final BufferedReader in;
  private final BlockingQueue<String> keys = new LinkedBlockingQueue<>();
  private final Map<String, String> variables = new java.util.concurrent.ConcurrentHashMap<>();
  private final BlockingQueue<List<String>> bridgedUntil = new LinkedBlockingQueue<>();
  private final List<Command> commands = new ArrayList<>();
  private final List<String> answeredLegCommands = new ArrayList<>();
  private volatile Function<Ring, DialOutcome> dialPlan = ring -> DialOutcome.NOANSWER;
  private volatile Function<String, String> keyPlan;
  private volatile java.util.function.BiConsumer<Ring, DialOutcome> dialled = (ring, outcome) -> { };
  private volatile Predicate<String> abortOn = command -> false;
  private volatile boolean dead;
  private volatile boolean bridged;
  private volatile boolean closedByServer;
  private volatile String dialStatus;
  private volatile long lastReplyNanos;
  private int legs;

  private FastAgiCaller(InetAddress host, int port, Map<String, String> environment) throws IOException {
    this.host = host;
    this.port = port;
    this.environment = environment;
    this.socket = new Socket(host, port);
    this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The captured environment (00) for a new call: channel, uniqueid, caller id and script replaced. */
  public static Map<String, String> environment(String channel, String uniqueId, String callerId, String script) {
    Map<String, String> env = new LinkedHashMap<>(AsteriskCaptures.environment());
    env.put("agi_network_script", script);
    env.put("agi_request", "agi://127.0.0.1:4573/" + script);
    env.put("agi_channel", channel);
    env.put("agi_uniqueid", uniqueId);
    env.put("agi_callerid", callerId);
    return env;
  }

  /**
   * Opens {@code count} calls at once, each sending {@code environment}; once all are connected,
   * answers each one's {@code ANSWER} (so every session is mid-call) and then vanishes without a
   * reply to the next command, as a caller whose line drops. One thread for all. Returns how many
   * sessions got as far as their first command.
   */
  public static int abandonMany(InetAddress host, int port, int count, Map<String, String> environment)
      throws IOException {
    StringBuilder block = new StringBuilder();
    environment.forEach((key, value) -> block.append(key).append(": ").append(value).append('\n'));
    byte[] env = block.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    byte[] answered = (AsteriskCaptures.reply("01-inbound-answered", "ANSWER") + "\n").getBytes(StandardCharsets.UTF_8);
    List<Socket> sockets = new ArrayList<>();
    int reached = 0;
    try {
      for (int i = 0; i < count; i++) {
        Socket socket = new Socket(host, port);
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
    variables.put(name.toUpperCase(java.util.Locale.ROOT), value);
    return this;
  }

  /** Keys for the next {@code GET DATA} commands, one per command; "" is a time-out. */
  public FastAgiCaller press(String... pressed) {
    keys.addAll(List.of(pressed));
    return this;
  }

  /**
   * Keys chosen by the menu being played: {@code plan} gets each {@code GET DATA} command (its
   * prompt file names the menu, e.g. {@code onenumber/ko/main-menu}) and returns the key, "" for a
   * time-out; keys queued by {@link #press} go first.
   */
  public FastAgiCaller answerMenus(Function<String, String> plan) {
    this.keyPlan = plan;
    return this;
  }

  /** How each dialled device reacts (by dial string, such as {@code PJSIP/op-001}). */
  public FastAgiCaller onDial(Function<String, DialOutcome> plan) {
    this.dialPlan = ring -> plan.apply(ring.device());
    return this;
  }

  /** How each {@code Dial} is answered, knowing the contact and operator it rings for. */
  public FastAgiCaller onRing(Function<Ring, DialOutcome> plan) {
    this.dialPlan = plan;
    return this;
  }

  /**
   * Told how each {@code Dial} ended, before its reply is written: ANSWER only when the legs are
   * bridged (an answer whose {@code answered} script set {@code GOSUB_RESULT=BUSY} is BUSY).
   */
  public FastAgiCaller onDialled(java.util.function.BiConsumer<Ring, DialOutcome> listener) {
    this.dialled = listener;
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
      dead = true;
      inCommand = bridged;
      if (inCommand) {
        bridgedUntil.add(List.of(AsteriskCaptures.reply("01-inbound-answered", "EXEC Dial"), "HANGUP"));
      }
    }
    if (!inCommand) {
      write(List.of("HANGUP"));
    }
  }

  /** The operator's leg ends (hung up, or moved by AMI): the running {@code Dial}/{@code Bridge} returns 0. */
  public void operatorLeaves() {
    bridgedUntil.add(List.of(AsteriskCaptures.reply("03a-agent-noanswer", "EXEC Dial")));
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
    long deadline = System.nanoTime() + within.toNanos();
    synchronized (commands) {
      while (!closedByServer) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("the server kept the FastAGI connection open; commands " + commands);
        }
        commands.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void sendEnvironment(Map<String, String> env) throws IOException {
    StringBuilder block = new StringBuilder();
    env.forEach((key, value) -> block.append(key).append(": ").append(value).append('\n'));
    block.append('\n');
    synchronized (out) {
      out.write(block.toString());
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

  private List<String> reply(String command) throws InterruptedException, IOException {
    String verb = command.toUpperCase(java.util.Locale.ROOT);
    if (verb.startsWith("ANSWER")) {
      return dead ? List.of(DEAD) : AsteriskCaptures.replies("01-inbound-answered", "ANSWER");
    }
    if (verb.startsWith("STREAM FILE")) {
      return dead ? List.of(DEAD) : AsteriskCaptures.replies("01-inbound-answered", "STREAM FILE");
    }
    if (verb.startsWith("SAY NUMBER")) {
      return dead ? List.of(DEAD) : AsteriskCaptures.replies("01-inbound-answered", "EXEC StartMusicOnHold");
    }
    if (verb.startsWith("CHANNEL STATUS")) {
      return dead ? List.of(DEAD) : List.of("200 result=6");
    }
    if (verb.startsWith("GET DATA")) {
      if (dead) {
        return List.of(DEAD);
      }
      String key = keys.poll();
      key = key == null && keyPlan != null ? keyPlan.apply(command) : key;
      return key == null || key.isEmpty() ? AsteriskCaptures.replies("03a-agent-noanswer", "GET DATA")
          : List.of("200 result=" + key);
    }
    if (verb.startsWith("SET VARIABLE")) {
      return AsteriskCaptures.replies("01-inbound-answered", "SET VARIABLE");
    }
    if (verb.startsWith("GET VARIABLE ") && variables.containsKey(verb.substring(13).trim())) {
      return List.of("200 result=1 (" + variables.get(verb.substring(13).trim()) + ")");
    }
    if (verb.startsWith("GET VARIABLE DIALSTATUS")) {
      return dialStatus == null ? AsteriskCaptures.replies("02-abandon-in-agi", "GET VARIABLE")
          : List.of("200 result=1 (" + dialStatus + ")");
    }
    if (verb.startsWith("GET VARIABLE CHANNEL(LINKEDID)")) {
      return List.of("200 result=1 (" + environment.get("agi_uniqueid") + ")");
    }
    if (verb.startsWith("GET VARIABLE")) {
      return AsteriskCaptures.replies("02-abandon-in-agi", "GET VARIABLE");
    }
    if (verb.startsWith("HANGUP")) {
      dead = true;
      return AsteriskCaptures.replies("03a-agent-noanswer", "HANGUP");
    }
    if (verb.startsWith("EXEC")) {
      return exec(command);
    }
    if (verb.startsWith("VERBOSE")) {
      return AsteriskCaptures.replies("01-inbound-answered", "SET VARIABLE");
    }
    return List.of("510 Invalid or unknown command");
  }

  private List<String> exec(String command) throws InterruptedException, IOException {
    String[] parts = command.split(" ", 3);
    String application = parts.length > 1 ? parts[1] : "";
    String args = parts.length > 2 ? parts[2] : "";
    if (dead) {
      return List.of("200 result=-1");
    }
    return switch (application) {
      case "Dial" -> dial(args);
      case "Bridge", "ConfBridge" -> connect();
      default -> AsteriskCaptures.replies("01-inbound-answered", "EXEC StartMusicOnHold");
    };
  }

  private List<String> dial(String args) throws InterruptedException, IOException {
    String device = args.split(",", 2)[0];
    Ring ring = ring(device, args);
    DialOutcome outcome = dialPlan.apply(ring);
    if (outcome == DialOutcome.ANSWER && answeredLeg(device, args)) {
      outcome = DialOutcome.BUSY;
    }
    dialStatus = outcome.name();
    dialled.accept(ring, outcome);
    return switch (outcome) {
      case NOANSWER -> AsteriskCaptures.replies("03a-agent-noanswer", "EXEC Dial");
      case BUSY -> AsteriskCaptures.replies("03b-agent-busy", "EXEC Dial");
      case CHANUNAVAIL -> AsteriskCaptures.replies("03c-agent-unavailable", "EXEC Dial");
      case ANSWER -> connect();
    };
  }

  private static Ring ring(String device, String args) {
    int u = args.indexOf("U(");
    String[] sub = u < 0 || args.indexOf(')', u) < 0 ? new String[0]
        : args.substring(u + 2, args.indexOf(')', u)).split("\\^");
    return new Ring(device, sub.length > 1 ? sub[1] : null, sub.length > 2 ? sub[2] : null);
  }

  /** Holds the caller's command until the test hangs up or the operator's leg leaves. */
  private List<String> connect() throws InterruptedException {
    synchronized (bridgedUntil) {
      if (dead) {
        return List.of(AsteriskCaptures.reply("01-inbound-answered", "EXEC Dial"), "HANGUP");
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
   * Runs Dial's {@code U(context^contact^agent)} like Asterisk: a FastAGI call of the {@code answered}
   * script. True when the script set {@code GOSUB_RESULT=BUSY} (the operator's leg is dropped and
   * Dial ends as busy, as Asterisk documents for U()).
   */
  private boolean answeredLeg(String device, String args) throws IOException {
    Ring ring = ring(device, args);
    if (ring.contact() == null) {
      return false;
    }
    boolean busy = false;
    String script = "answered?contact=" + ring.contact() + "&agent=" + ring.agent();
    String channel = device + "-0000000" + (++legs);
    Map<String, String> env = environment(channel, environment.get("agi_uniqueid") + legs, "120", script);
    try (Socket leg = new Socket(host, port);
        Writer legOut = new OutputStreamWriter(leg.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader legIn = new BufferedReader(new InputStreamReader(leg.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder block = new StringBuilder();
      env.forEach((key, value) -> block.append(key).append(": ").append(value).append('\n'));
      legOut.write(block.append('\n').toString());
      legOut.flush();
      String line;
      while ((line = legIn.readLine()) != null) {
        synchronized (answeredLegCommands) {
          answeredLegCommands.add(unquote(line));
        }
        busy |= unquote(line).equals("SET VARIABLE GOSUB_RESULT BUSY");
        legOut.write(AsteriskCaptures.reply("01-inbound-answered", "SET VARIABLE") + "\n");
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

  /** Asterisk-Java quotes every argument; the captures do not. Compare them unquoted. */
  static String unquote(String line) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && quoted && i + 1 < line.length()) {
        out.append(line.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
      } else {
        out.append(c);
      }
    }
    return out.toString().strip();
  }
}
