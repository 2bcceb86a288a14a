package org.onenumber.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What Asterisk 22 answers to each FastAGI command on one call's channel, from the recordings of
 * {@code shared/data/asterisk} ({@link AsteriskCaptures}): the reply logic that {@link FastAgiCaller}
 * (a thread per call) and the bench's event-loop client share. It never blocks and does no I/O: a
 * command whose reply waits for something else ({@code Dial} answered, {@code Bridge}) is returned
 * as a {@link Reply} the caller carries out on its own threads or event loop.
 *
 * <p>Replies not in the captures are derived from captured ones (the captured script never sent
 * these commands): {@code SAY NUMBER} answers like {@code EXEC StartMusicOnHold} ({@code 200
 * result=0}); {@code CHANNEL STATUS} answers {@code 200 result=6} (up) on a live channel and, like
 * every media command, the captured {@code 511} on a dead one; {@code GET VARIABLE
 * CHANNEL(linkedid)} answers in the captured {@code DIALSTATUS} form with the call's uniqueid; an
 * {@code EXEC} on a dead channel answers {@code 200 result=-1} (as the running EXEC did in 02);
 * {@code Bridge} and {@code ConfBridge} end like an answered {@code Dial}; a key pressed answers
 * {@code GET DATA} like digit 1 did in 01.
 */
public final class AgiChannelReplies {

  /** What to do with one command. */
  public sealed interface Reply {
    /** Write these lines now. */
    record Lines(List<String> lines) implements Reply {}

    /** The channel is bridged: hold the reply until the caller hangs up or the operator leaves. */
    record Bridged() implements Reply {}

    /**
     * {@code Dial} answered with a {@code U()} option: run the {@code answered} script on the
     * operator's leg (a second FastAGI connection with {@code environment}), then {@link #afterLeg}.
     */
    record AnsweredLeg(Map<String, String> environment) implements Reply {}
  }

  private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";

  /** Read once, in order: a leg's environment is made on the bench client's event loop, between two replies. */
  private static final class Captured {
    static final Map<String, String> ENVIRONMENT = java.util.Collections.unmodifiableMap(AsteriskCaptures.environment());
  }

  private final Map<String, String> environment;
  private final BlockingQueue<String> keys = new LinkedBlockingQueue<>();
  private final Map<String, String> variables = new ConcurrentHashMap<>();
  private volatile Function<FastAgiCaller.Ring, FastAgiCaller.DialOutcome> dialPlan =
      ring -> FastAgiCaller.DialOutcome.NOANSWER;
  private volatile Function<String, String> keyPlan;
  private volatile BiConsumer<FastAgiCaller.Ring, FastAgiCaller.DialOutcome> dialled = (ring, outcome) -> { };
  private volatile FastAgiCaller.Ring ringing;
  private volatile boolean dead;
  private volatile String dialStatus;
  private int legs;

  public AgiChannelReplies(Map<String, String> environment) {
    this.environment = environment;
  }

  /** The captured environment (00) for a new call: channel, uniqueid, caller id and script replaced. */
  public static Map<String, String> environment(String channel, String uniqueId, String callerId, String script) {
    Map<String, String> env = new LinkedHashMap<>(Captured.ENVIRONMENT);
    env.put("agi_network_script", script);
    env.put("agi_request", "agi://127.0.0.1:4573/" + script);
    env.put("agi_channel", channel);
    env.put("agi_uniqueid", uniqueId);
    env.put("agi_callerid", callerId);
    return env;
  }

  /** The environment block as Asterisk writes it: {@code key: value} lines and an empty line. */
  public static String block(Map<String, String> environment) {
    StringBuilder block = new StringBuilder();
    environment.forEach((key, value) -> block.append(key).append(": ").append(value).append('\n'));
    return block.append('\n').toString();
  }

  public Map<String, String> environment() {
    return environment;
  }

  /** Keys for the next {@code GET DATA} commands, one per command; "" is a time-out. */
  public void press(String... pressed) {
    keys.addAll(List.of(pressed));
  }

  public void variable(String name, String value) {
    variables.put(name.toUpperCase(Locale.ROOT), value);
  }

  public void onDial(Function<String, FastAgiCaller.DialOutcome> plan) {
    this.dialPlan = ring -> plan.apply(ring.device());
  }

  /** How each {@code Dial} is answered, knowing the contact and operator it rings for. */
  public void onRing(Function<FastAgiCaller.Ring, FastAgiCaller.DialOutcome> plan) {
    this.dialPlan = plan;
  }

  /** The key for a {@code GET DATA} when none was pressed ahead: {@code plan} gets the command. */
  public void answerMenus(Function<String, String> plan) {
    this.keyPlan = plan;
  }

  /** Told how each {@code Dial} ended (ANSWER only once bridged), before its reply is written. */
  public void onDialled(BiConsumer<FastAgiCaller.Ring, FastAgiCaller.DialOutcome> listener) {
    this.dialled = listener;
  }

  /** The caller hung up: media commands now answer 511, {@code EXEC} 200 result=-1. */
  public void hangUp() {
    dead = true;
  }

  public boolean dead() {
    return dead;
  }

  /** The lines a held {@code Dial}/{@code Bridge} returns when the caller hangs up (capture 01/02). */
  public static List<String> hungUpWhileBridged() {
    return List.of(AsteriskCaptures.reply("01-inbound-answered", "EXEC Dial"), "HANGUP");
  }

  /** The lines a held {@code Dial}/{@code Bridge} returns when the operator's leg ends (capture 03a). */
  public static List<String> operatorLeft() {
    return List.of(AsteriskCaptures.reply("03a-agent-noanswer", "EXEC Dial"));
  }

  /** The reply to an operator's-leg command of the {@code answered} script (its SET VARIABLEs). */
  public static String legReply() {
    return AsteriskCaptures.reply("01-inbound-answered", "SET VARIABLE");
  }

  /** True when a leg command tells Dial to drop the operator's leg and end busy (Asterisk's U() rule). */
  public static boolean legSaysBusy(String command) {
    return command.equals("SET VARIABLE GOSUB_RESULT BUSY");
  }

  /** After the operator's leg script ended: busy ends {@code Dial} as busy, otherwise the call is bridged. */
  public Reply afterLeg(boolean busy) {
    if (busy) {
      dialStatus = FastAgiCaller.DialOutcome.BUSY.name();
      dialled.accept(ringing, FastAgiCaller.DialOutcome.BUSY);
      return new Reply.Lines(AsteriskCaptures.replies("03b-agent-busy", "EXEC Dial"));
    }
    dialled.accept(ringing, FastAgiCaller.DialOutcome.ANSWER);
    return new Reply.Bridged();
  }

  /** Asterisk's answer to {@code command} (unquoted). */
  public Reply reply(String command) {
    String verb = command.toUpperCase(Locale.ROOT);
    if (verb.startsWith("EXEC")) {
      return exec(command);
    }
    return new Reply.Lines(lines(verb, command));
  }

  private List<String> lines(String verb, String verbatim) {
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
      Function<String, String> plan = keyPlan;
      key = key == null && plan != null ? plan.apply(verbatim) : key;
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
    if (verb.startsWith("VERBOSE")) {
      return AsteriskCaptures.replies("01-inbound-answered", "SET VARIABLE");
    }
    return List.of("510 Invalid or unknown command");
  }

  private Reply exec(String command) {
    String[] parts = command.split(" ", 3);
    String application = parts.length > 1 ? parts[1] : "";
    String args = parts.length > 2 ? parts[2] : "";
    if (dead) {
      return new Reply.Lines(List.of("200 result=-1"));
    }
    return switch (application) {
      case "Dial" -> dial(args);
      case "Bridge", "ConfBridge" -> new Reply.Bridged();
      default -> new Reply.Lines(AsteriskCaptures.replies("01-inbound-answered", "EXEC StartMusicOnHold"));
    };
  }

  private Reply dial(String args) {
    String device = args.split(",", 2)[0];
    int u = args.indexOf("U(");
    String[] sub = u < 0 || args.indexOf(')', u) < 0 ? new String[0]
        : args.substring(u + 2, args.indexOf(')', u)).split("\\^");
    FastAgiCaller.Ring ring = new FastAgiCaller.Ring(device, sub.length > 1 ? sub[1] : null,
        sub.length > 2 ? sub[2] : null);
    FastAgiCaller.DialOutcome outcome = dialPlan.apply(ring);
    dialStatus = outcome.name();
    if (outcome == FastAgiCaller.DialOutcome.ANSWER && ring.contact() != null) {
      // Dial's U(context^contact^agent) runs, like Asterisk, a FastAGI call of the answered script
      // on the operator's leg; its end (afterLeg) decides between bridged and busy.
      ringing = ring;
      String script = "answered?contact=" + ring.contact() + "&agent=" + ring.agent();
      String channel = device + "-0000000" + (++legs);
      return new Reply.AnsweredLeg(environment(channel, environment.get("agi_uniqueid") + legs, "120", script));
    }
    dialled.accept(ring, outcome);
    return switch (outcome) {
      case NOANSWER -> new Reply.Lines(AsteriskCaptures.replies("03a-agent-noanswer", "EXEC Dial"));
      case BUSY -> new Reply.Lines(AsteriskCaptures.replies("03b-agent-busy", "EXEC Dial"));
      case CHANUNAVAIL -> new Reply.Lines(AsteriskCaptures.replies("03c-agent-unavailable", "EXEC Dial"));
      case ANSWER -> new Reply.Bridged();
    };
  }

  /** Asterisk-Java quotes every argument; the captures do not. Compare them unquoted. */
  public static String unquote(String line) {
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
