package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.onenumber.core.contact.Channel;
import org.onenumber.testkit.FastAgiCalls;

/**
 * Plays a trace against a running server. In order:
 *
 * <ol>
 *   <li>logs in the operators and connects their offer streams (an operator that cannot log in is
 *       reported and left out; with none, only citizens are simulated); on a city day ({@link
 *       CityDay}) offsets count from the city's midnight, every operator signs in once up front, and
 *       each is logged in and out by its {@link CityShift} of the day's {@link CityRoster} instead
 *       (operators the roster has no shift for never log in), checked as trace time passes;
 *   <li>on a city day (or with {@code --date}), now ready, sets the server's (simulated) clock
 *       forward to a short margin before the day's midnight, logs in the shift on duty meanwhile,
 *       places trace second 0 at the wall instant the server's clock reads that midnight ({@link
 *       ServerClockAlignment}) and waits for it, so the whole day falls in one server day and a
 *       slow start does not crowd its first hours; otherwise trace second 0 is now;
 *   <li>releases each arrival at its offset ÷ speed-up, every citizen without a thread of its own
 *       (its waits are continuations: {@link ClientLane#sendAsync}, {@link Waits}, session 15; a
 *       call's FastAGI socket on the simulator's one phone-line thread, {@link FastAgiCalls},
 *       session 17): a chat as a {@link
 *       ChatCitizen} over {@code /ws/chat}; an SMS, given the server's Twilio auth token, as a
 *       {@link SmsCitizen} through a signed webhook (it never hangs up); a call, given the server's
 *       FastAGI port, as a {@link VoiceCitizen} phoning the IVR as Asterisk would, whose {@code
 *       Dial}s ring the simulated operators' phones; any other channel by
 *       {@code POST /api/v1/contacts}, then
 *       the citizen waits an exponentially distributed patience and, if nobody has
 *       answered by then, the channel (logged in as {@code admin}, as a channel adapter would be)
 *       reports the abandon (when the server answers that it had connected the contact — an accept
 *       on its way won the race — the call counts as answered and ended by the citizen);
 *   <li>prints progress every five seconds;
 *   <li>after the last arrival, waits until every contact is answered and closed or abandoned; at
 *       the day's end ({@value #CLOSING_AFTER_LAST_S} trace seconds after the last arrival) every
 *       citizen still waiting gives up (a caller hangs up, a chat leaves, an API citizen reports the
 *       abandon; a text stays waiting), then it waits for the conversations under way and the
 *       hang-ups' acknowledgements (bounded, saying what is still open), logs the operators out,
 *       and returns the ledger.
 * </ol>
 *
 * Its HTTP side is a {@link SimulatorHttp}: the operators' consoles on lanes of their own, the
 * citizens spread over several bounded lanes; a citizen whose request the simulator cannot carry
 * in time counts as its own timeout, printed with the progress. One simulation per instance; not
 * reusable (its clients are shut down at the end). Network failures are counted, not fatal. Public so
 * that a test can play a small trace in-process against a test server.
 */
public final class Simulation {

  /** Tries of one intake request, chat frame or text the server answers 503, before the citizen gives up. */
  static final int MAX_TRIES = 30;

  /**
   * Trace seconds from the last arrival to the day's end, when every citizen still waiting gives up
   * ({@link SimulationLedger#closeDay}).
   */
  static final double CLOSING_AFTER_LAST_S = 7200;

  /** How many operators sign in at the same time before a city day (bcrypt on the server's cores). */
  static final int SIGN_INS_AT_ONCE = 4;

  private final SimulationOptions options;
  private final List<Arrival> trace;
  private final SimulationLedger ledger = new SimulationLedger();
  private final SimulatorHttp http = new SimulatorHttp();
  /** The channel's client on each citizens' lane, logged in as {@code admin} (opens contacts, reports abandons). */
  private final Map<ClientLane, OneNumberClient> channels = new HashMap<>();
  private final SplittableRandom random;
  private long startNanos;
  /**
   * A window of the day ({@link #from}) starts this much trace time after the server's clock was set:
   * the shifts on duty before it log in meanwhile (at 100× a few hundred password checks take tens
   * of wall seconds; played at once, they held the window's first trace hour up).
   */
  static final Duration WINDOW_LEAD_IN = Duration.ofHours(1);
  /** Trace seconds the day is played from ({@link #from}); 0: its midnight. */
  private long fromSeconds;
  private volatile Instant serverTimeAtStart;
  private volatile boolean aligned;
  private volatile boolean onTime = true;
  private volatile boolean dayStartSet;
  private final SmsCitizen sms;
  private final AtomicLong texts = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  /** This run's prefix of the contact API's idempotency keys, and how many forms were submitted. */
  private final String submissions = "sim-" + java.util.UUID.randomUUID();
  private final AtomicLong formsSubmitted = new AtomicLong();
  /** The operators by id, whose phones the server's {@code Dial}s ring ({@link VoiceCitizen}). */
  private final Map<String, SimulatedOperator> phones = new java.util.concurrent.ConcurrentHashMap<>();
  /** Whether a citizen run that failed unexpectedly was already printed (once per run). */
  private final AtomicBoolean failureReported = new AtomicBoolean();
  private ShiftRota rota;
  /** A city day's roster; null: planned from the trace played when the day starts. */
  private CityRoster roster;
  /** What the run costs the simulator's process ({@code [sim-cost]}). */
  private final SimulatorCost cost = new SimulatorCost();
  private final AtomicLong dispatched = new AtomicLong();
  private volatile double cpuSecondsAtEnd = Double.NaN;
  private double closingAfterSeconds = CLOSING_AFTER_LAST_S;
  private Duration callersWaitForMusic = VoiceCitizen.IVR_WITHIN;
  /** The callers' phone line (one selector thread for every call), open while {@link #run} plays calls. */
  private FastAgiCalls phoneLine;
  /** The server's FastAGI address, resolved once. */
  private InetSocketAddress agi;

  public Simulation(SimulationOptions options, List<Arrival> trace) {
    this.options = options;
    this.sms = options.twilioAuthToken() == null || options.twilioAuthToken().isBlank() ? null
        : new SmsCitizen(http::citizen, options.url(), options.twilioAuthToken(), ledger);
    this.trace = trace;
    this.random = new SplittableRandom(options.seed());
  }

  /**
   * A city day's operators work {@code planned} (planned from the whole day, of which the trace may
   * be a part, {@code --until}); without it the roster is planned from the trace played. Returns
   * this simulation.
   */
  public Simulation rostered(CityRoster planned) {
    this.roster = planned;
    return this;
  }

  /**
   * A city day played from {@code traceSeconds} on ({@code --from}; the trace holds only the
   * arrivals from then): once ready the server's clock is set to a short margin and {@link
   * #WINDOW_LEAD_IN} before that time of the day instead of before its midnight, the operators on
   * duty then log in (their breaks fall as
   * if they had worked since their shift's start, {@link ShiftRota}) and trace second 0 stays the
   * day's midnight, so the intervals line up with the server's as for the whole day. Returns this
   * simulation.
   */
  public Simulation from(long traceSeconds) {
    this.fromSeconds = traceSeconds;
    return this;
  }

  /**
   * The server's clock at trace second 0 (the day's midnight when lined up with a server day, else
   * {@code serverTime} of the agent API when the trace started), to line the intervals up with the
   * server's; null when the server did not say.
   */
  public Instant serverTimeAtStart() {
    return serverTimeAtStart;
  }

  /** Each queue's service-level threshold in seconds ({@code GET /api/v1/queues}); empty if unknown. */
  private static Map<String, Double> thresholds(OneNumberClient client) {
    Map<String, Double> byQueue = new HashMap<>();
    try {
      client.get("/api/v1/queues").path("items").forEach(q ->
          byQueue.put(q.path("id").asText(), q.path("serviceLevelSeconds").asDouble(Double.NaN)));
    } catch (RuntimeException e) {
      System.out.println("[sim] queue thresholds unavailable (" + e.getMessage() + "): 15 s for every contact");
    }
    return Map.copyOf(byQueue);
  }

  /** The simulator process's CPU seconds for the run, or so far while it runs ({@link SimulatorCost}). */
  public double cpuSeconds() {
    return Double.isNaN(cpuSecondsAtEnd) ? cost.cpuSeconds() : cpuSecondsAtEnd;
  }

  /** The simulator's most threads at once ({@link SimulatorCost}; no citizen has one of its own). */
  public long threadsMax() {
    return SimulatorCost.platformThreadsMax();
  }

  /** Whether trace second 0 was placed at a server midnight ({@link ServerClockAlignment}). */
  public boolean alignedToServerDay() {
    return aligned;
  }

  /**
   * Whether the server's clock was set forward to a short margin before the day once the simulator
   * was ready ({@link ServerClockAlignment#setNearMidnight}), rather than waited for.
   */
  public boolean dayStartSetWhenReady() {
    return dayStartSet;
  }

  /** Whether the simulator was ready before trace second 0 (no arrival went out late). */
  public boolean startedOnTime() {
    return onTime;
  }

  /**
   * Sets trace second 0: at the server's midnight of the day when asked to line up (case 2 of the
   * class comment), else now; and the server's time there.
   */
  private void startClock(OneNumberClient admin) {
    startNanos = System.nanoTime();
    ServerClockAlignment.Sample sample = ServerClockAlignment.sample(admin);
    if (sample == null) {
      System.out.println("[sim] the server did not say its time: intervals are not lined up");
      return;
    }
    if (!options.alignedToServerDay()) {
      serverTimeAtStart = sample.serverTime();
      return;
    }
    Instant midnight = options.date() != null
        ? ServerClockAlignment.midnight(options.date(), IntradayReport.CITY_ZONE)
        : ServerClockAlignment.nextMidnight(sample.serverTime(), IntradayReport.CITY_ZONE);
    Instant playedFrom = midnight.plusSeconds(fromSeconds);
    Instant leadIn = fromSeconds == 0 ? playedFrom : playedFrom.minus(WINDOW_LEAD_IN);
    if (ServerClockAlignment.setNearMidnight(admin, leadIn, options.speedup())) {
      ServerClockAlignment.Sample after = ServerClockAlignment.sample(admin);
      sample = after == null ? sample : after;
      dayStartSet = true;
    }
    startNanos = ServerClockAlignment.wallNanosAt(midnight, sample, options.speedup());
    serverTimeAtStart = midnight;
    aligned = true;
    double lead = (playedFromNanos() - System.nanoTime()) / 1e9;
    onTime = lead >= 0;
    System.out.printf(Locale.ROOT, lead >= 0
        ? "[sim] trace second %d is the server's %s: %.1f s of wall time from now%n"
        : "[sim] the server's clock is past trace second %d (%s) by %.1f s of wall time: the arrivals due meanwhile"
            + " go out at once%n", fromSeconds, playedFrom.atZone(IntradayReport.CITY_ZONE), Math.abs(lead));
  }

  /** The wall instant ({@link System#nanoTime}) of the first trace second played ({@link #from}). */
  private long playedFromNanos() {
    return startNanos + (long) (fromSeconds * 1e9 / options.speedup());
  }

  /** Trace seconds since the start. */
  double traceSeconds() {
    return (System.nanoTime() - startNanos) / 1e9 * options.speedup();
  }

  /** Plays the trace (blocking) and returns what the citizens and operators saw. */
  public SimulationLedger run() throws InterruptedException {
    startNanos = System.nanoTime();
    List<SimulatedOperator> operators = options.cityDay() ? cityOperators() : startOperators();
    operators.forEach(op -> phones.put(op.id(), op));
    OneNumberClient intake = channelClients();
    ledger.useThresholds(thresholds(intake));
    startClock(intake);
    firstShift();
    long offset0 = trace.isEmpty() || options.alignedToServerDay() ? 0 : trace.get(0).offsetMillis();
    long lastProgress = System.nanoTime();
    if (options.phonesAgi()) {
      phoneLine = phoneLine();
      agi = new InetSocketAddress(options.url().getHost(), options.agiPort());
    }
    try {
      for (Arrival a : trace) {
        long dueNanos = startNanos + (long) ((a.offsetMillis() - offset0) * 1e6 / options.speedup());
        while (System.nanoTime() < dueNanos) {
          TimeUnit.NANOSECONDS.sleep(Math.min(dueNanos - System.nanoTime(), 200_000_000L));
          lastProgress = progress(lastProgress);
          rota();
        }
        double patience = -Math.log(1 - random.nextDouble()) * options.patienceSeconds();
        // on their way from now: the day is not over before their contact is (see phoning, arriving)
        if (phones(a)) {
          ledger.phoning.incrementAndGet();
          begin(a, () -> phone(a, patience), ledger.phoning);
        } else {
          ledger.arriving.incrementAndGet();
          begin(a, () -> citizen(http.citizen(), a, patience), ledger.arriving);
        }
        dispatched.incrementAndGet();
        lastProgress = progress(lastProgress);
        rota();
      }
      double lastAt = trace.isEmpty() ? 0 : (trace.get(trace.size() - 1).offsetMillis() - offset0) / 1000.0;
      lastProgress = untilSettled(Math.max(System.nanoTime(),
          startNanos + (long) ((lastAt + closingAfterSeconds) * 1e9 / options.speedup())), lastProgress);
      closeDay(lastProgress);
      operators.stream().filter(SimulatedOperator::running).forEach(SimulatedOperator::stop);
    } finally {
      http.close();
      if (phoneLine != null) {
        closeQuietly(phoneLine); // ends the calls still open
      }
    }
    cpuSecondsAtEnd = cost.cpuSeconds();
    System.out.println(cost.line(trace.size(), dispatched.get(), ledger));
    return ledger;
  }

  /** Waits until the ledger is settled or the wall clock reaches {@code byNanos}; returns the last progress. */
  private long untilSettled(long byNanos, long lastProgress) throws InterruptedException {
    long last = lastProgress;
    while (System.nanoTime() < byNanos && !ledger.settled()) {
      TimeUnit.MILLISECONDS.sleep(200);
      last = progress(last);
      rota();
    }
    return last;
  }

  /**
   * The day's end ({@link SimulationLedger#closeDay}): every citizen still waiting gives up now;
   * then waits, at most a conversation's length ({@link ChatCitizen#CONVERSATION_TRACE_S}) plus
   * 30 s, for the conversations under way to end and the hang-ups to be acknowledged, and says
   * what is still open if they were not.
   */
  private void closeDay(long lastProgress) throws InterruptedException {
    if (!ledger.settled()) {
      System.out.printf(Locale.ROOT, "[sim] the day's end, %.0f trace s after the last arrival: still open %s;"
          + " every citizen still waiting gives up now%n", closingAfterSeconds, ledger.stillOpen());
    }
    ledger.closeDay();
    untilSettled(System.nanoTime() + (long) (ChatCitizen.CONVERSATION_TRACE_S * 1e9 / options.speedup())
        + 30_000_000_000L, lastProgress);
    if (!ledger.settled()) {
      System.out.println("[sim] still open when the simulator stopped waiting for the day's end: " + ledger.stillOpen());
    }
    long texts = ledger.channelSummary(15, "SMS").waiting();
    if (texts > 0) {
      System.out.println("[sim] " + texts + " texts nobody answered by the day's end: they wait on both sides");
    }
  }

  /**
   * The day's end comes {@code traceSeconds} after the last arrival (default {@value
   * #CLOSING_AFTER_LAST_S}), or earlier once every contact has ended; returns this simulation.
   */
  public Simulation closingAfterLastArrival(double traceSeconds) {
    this.closingAfterSeconds = traceSeconds;
    return this;
  }

  /**
   * How long (wall time) a caller waits for the IVR's music before hanging up (default 30 s; see
   * {@code VoiceCitizen}); returns this simulation.
   */
  public Simulation callersWaitingForMusic(Duration wallTime) {
    this.callersWaitForMusic = wallTime;
    return this;
  }

  private List<SimulatedOperator> startOperators() {
    List<SimulatedOperator> operators = new ArrayList<>();
    for (int i = 1; i <= options.agents(); i++) {
      String id = String.format("op-%03d", i);
      SimulatedOperator op = new SimulatedOperator(id, http.operator(i), ledger, this::traceSeconds, options,
          random.split());
      try {
        op.start(options.url(), options.password());
        operators.add(op);
      } catch (RuntimeException e) {
        System.out.println("[sim] operator " + id + " cannot work: " + e.getMessage());
      }
    }
    if (operators.isEmpty()) {
      System.out.println("[sim] no operator could log in (does this server have the agent API?): citizens only");
    }
    return operators;
  }

  /**
   * City day: the operators the roster has a shift for, none logged in yet; the {@link ShiftRota}
   * starts and finishes shifts. They share clients in their order on the roster, so the seeded ids
   * nobody works (New York's day seeds ~5,500 for 1,754 shifts) cost no client.
   */
  private List<SimulatedOperator> cityOperators() {
    if (roster == null) {
      roster = CityRoster.plan(trace, options.ahtSeconds(), options.patienceSeconds(), options.agents());
      roster.summary().forEach(System.out::println);
    }
    List<SimulatedOperator> operators = new ArrayList<>();
    for (int i = 1; i <= options.agents(); i++) {
      SplittableRandom own = random.split(); // one per seeded id: the same draws as before
      if (roster.shiftOf(i) != null) {
        operators.add(new SimulatedOperator(String.format("op-%03d", i), http.operator(operators.size() + 1), ledger,
            this::traceSeconds, options, own));
      }
    }
    signIn(operators);
    rota = new ShiftRota(operators, roster, options.url(), options.password());
    return operators;
  }

  /**
   * City day: every operator on the roster signs in once, before the trace starts, on virtual threads. A password
   * check costs tens of milliseconds of the server's CPU (bcrypt); a shift's forty logins at a shift
   * change, compressed by the speed-up into a few wall seconds, stalled intake for trace minutes —
   * at 1× they would be spread over half an hour. A failed sign-in is retried at the shift's start.
   * At most {@value #SIGN_INS_AT_ONCE} at a time ({@link FewAtOnce}): all 500 at once on a loaded
   * machine all timed out (session 8) and the retries at the shift starts stalled the server again.
   */
  private void signIn(List<SimulatedOperator> operators) {
    FewAtOnce.each(operators, SIGN_INS_AT_ONCE, op -> {
      try {
        op.signIn(options.password());
      } catch (RuntimeException e) {
        System.out.println("[sim] " + op.id() + " could not sign in yet: " + e.getMessage());
      }
    });
  }

  /**
   * City day: the shift on duty at the start logs in before trace second 0 (within the margin the
   * server's clock was set to, {@link ServerClockAlignment#READY_MARGIN_WALL_S}); said when it
   * took longer and the day began first.
   */
  private void firstShift() throws InterruptedException {
    rota();
    if (rota == null) {
      return;
    }
    long t0 = System.nanoTime();
    while (rota.loggingIn() && System.nanoTime() < playedFromNanos()) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    System.out.printf(Locale.ROOT, rota.loggingIn() ? "[sim] the first shift was still logging in when the day began"
        + " (%.1f s of wall time)%n" : "[sim] the first shift logged in within %.1f s of wall time%n",
        (System.nanoTime() - t0) / 1e9);
  }

  private void rota() {
    if (rota != null) {
      rota.update(traceSeconds());
    }
  }

  /**
   * The channels' own clients, one per citizens' lane (each logs in as {@code admin}, as a channel
   * adapter would): open contacts and report abandons. Returns the first, which also reads the
   * queues and sets the clock.
   */
  private OneNumberClient channelClients() {
    for (ClientLane lane : http.citizenLanes()) {
      OneNumberClient channel = new OneNumberClient(lane, options.url());
      try {
        channel.login("admin", options.password());
      } catch (RuntimeException e) {
        System.out.println("[sim] channel login as admin on " + lane.name() + " failed (" + e.getMessage()
            + "): abandons cannot be reported");
      }
      channels.put(lane, channel);
    }
    System.out.printf(Locale.ROOT, "[sim] HTTP: %d citizens' clients × %d requests in flight + %d chat sockets,"
        + " %d operators' clients (one per %d consoles) × %d requests: at most %d connections, plus one console"
        + " socket per operator%n", SimulatorHttp.CITIZEN_LANES, SimulatorHttp.CITIZEN_REQUESTS,
        SimulatorHttp.CHAT_SOCKETS, http.operatorLanes(), SimulatorHttp.CONSOLES_PER_LANE,
        SimulatorHttp.OPERATOR_REQUESTS, http.connectionBound());
    return channels.get(http.citizenLanes().get(0));
  }

  /**
   * A citizen whose run fails unexpectedly (a defect, a class missing from the simulator's jar) is
   * an error of the run, counted and reported once, never lost in a future.
   */
  private void failed(Arrival a, Throwable e) {
    ledger.errors.increment();
    if (failureReported.compareAndSet(false, true)) {
      System.err.println("[sim] a " + a.channel() + " citizen failed: " + e);
      e.printStackTrace(); // once: a defect is found from its stack
    }
  }

  /**
   * A citizen, started on the dispatcher's thread and then carried on without a thread of its own:
   * what it waits for (a place in its lane, an answer, a frame, a FastAGI command, its patience, a
   * {@code Retry-After}) is a continuation. Counted in {@code counter} ({@link
   * SimulationLedger#arriving}, or {@link SimulationLedger#phoning} for a caller) until it is over.
   */
  private void begin(Arrival a, Supplier<CompletableFuture<Void>> citizen, AtomicLong counter) {
    CompletableFuture<Void> run;
    try {
      run = citizen.get();
    } catch (RuntimeException | Error e) {
      run = CompletableFuture.failedFuture(e);
    }
    run.whenComplete((r, e) -> {
      if (e != null) {
        failed(a, OneNumberClient.unwrapped(e));
      }
      counter.decrementAndGet();
    });
  }

  /** The callers' phone line, or an error saying why the simulator cannot open one. */
  private static FastAgiCalls phoneLine() {
    try {
      return new FastAgiCalls("sim-phone-line");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot open the callers' phone line (a selector)", e);
    }
  }

  private static void closeQuietly(FastAgiCalls line) {
    try {
      line.close();
    } catch (java.io.IOException e) {
      System.out.println("[sim] the callers' phone line did not close cleanly: " + e);
    }
  }

  /** Whether {@code a} phones the IVR ({@link #phone}) rather than arriving over HTTP. */
  private boolean phones(Arrival a) {
    return a.channel() == Channel.VOICE && options.phonesAgi();
  }

  private CompletableFuture<Void> citizen(ClientLane lane, Arrival a, double patienceSeconds) {
    if (a.channel() == Channel.CHAT) {
      return new ChatCitizen(ledger, this::traceSeconds, options.speedup()).start(lane, options.url(), a,
          patienceSeconds);
    }
    if (a.channel() == Channel.SMS && sms != null) {
      return sms.textAsync(a, texts.incrementAndGet(), traceSeconds(), this::traceSeconds);
    }
    OneNumberClient intake = channels.get(lane);
    String submission = submissions + "-" + formsSubmitted.incrementAndGet();
    CompletableFuture<JsonNode> open = postRetrying(intake, "/api/v1/contacts", body(a), submission,
        a.channel().name(), 1);
    return open.handle((contact, failure) -> {
      if (failure != null) {
        RuntimeException e = OneNumberClient.unwrapped(failure);
        if (e instanceof OneNumberClient.Refused) {
          ledger.rejected.increment();
        } else if (e instanceof OneNumberClient.Busy) {
          ledger.gaveUp.increment(); // shed on every try: nothing stored, the citizen gives up
        } else if (!(e instanceof ClientLane.TimedOut)) { // a timeout is counted at each try (postRetrying)
          ledger.errors.increment();
        }
        return CompletableFuture.<Void>completedFuture(null);
      }
      String contactId = contact.path("id").asText();
      // opened when the server acknowledged it (SimulationLedger: both instants on the same end)
      ledger.opened(contactId, traceSeconds(), ledger.thresholdOf(contact.path("queue").asText()), a.channel().name());
      return Waits.untilOr(ledger.dayOver, (long) (patienceSeconds * 1000 / options.speedup()))
          .thenCompose(waited -> ledger.abandoning(contactId, traceSeconds())
              ? new AbandonReport(intake, contactId, a.channel().name()).report(1)
              : CompletableFuture.<Void>completedFuture(null));
    }).thenCompose(java.util.function.Function.identity());
  }

  /**
   * An API citizen's abandon, reported as a channel adapter would ({@code POST
   * /api/v1/contacts/{id}/abandon}, a 503 sent again after its {@code Retry-After}), counted as the
   * server took it: {@code ABANDONED}, or, when an operator's accept won the race, answered and
   * ended by the citizen. When the report's outcome is unknown — no answer in time or the
   * connection lost (the server may have journaled the abandon all the same), shed on every try,
   * or 404 (routing no longer has the contact: an earlier report's answer was lost) — the citizen
   * asks the server what became of the contact ({@code GET /api/v1/contacts/{id}}, as the channel
   * adapter may) and counts that; one still waiting is reported again. Before (session 17's New York
   * day when the server fell behind), such an abandon counted as never reported, "waiting", on
   * the simulator's side while the server had journaled it: WEB_FORM abandoned 7,862 / 9,051. At
   * most {@link #MAX_TRIES} reports and as many questions; then it counts as not reported
   * ({@link SimulationLedger#abandonFailed}). Holds no thread.
   */
  private final class AbandonReport {
    private final OneNumberClient intake;
    private final String contactId;
    private final String channel;

    AbandonReport(OneNumberClient intake, String contactId, String channel) {
      this.intake = intake;
      this.contactId = contactId;
      this.channel = channel;
    }

    CompletableFuture<Void> report(int reports) {
      String path = "/api/v1/contacts/" + contactId + "/abandon";
      return postRetrying(intake, path, Map.of(), null, channel, 1).handle((after, e) -> {
        if (e == null) {
          taken(after.path("state").asText());
          return CompletableFuture.<Void>completedFuture(null);
        }
        RuntimeException failure = OneNumberClient.unwrapped(e);
        if (failure instanceof ClientLane.TimedOut) {
          ledger.timedOut(channel);
        }
        if (failure instanceof OneNumberClient.Refused refused && refused.status != 404) {
          ledger.abandonFailed(contactId); // refused: the server changed nothing
          return CompletableFuture.<Void>completedFuture(null);
        }
        return ask(reports, 1);
      }).thenCompose(java.util.function.Function.identity());
    }

    /** What the server made of the contact after a report whose outcome is unknown. */
    private CompletableFuture<Void> ask(int reports, int asks) {
      return intake.getAsync("/api/v1/contacts/" + contactId).handle((contact, e) -> {
        if (e == null && !AbandonReport.waiting(contact.path("state").asText())) {
          taken(contact.path("state").asText());
          return CompletableFuture.<Void>completedFuture(null);
        }
        if (e != null && OneNumberClient.unwrapped(e) instanceof ClientLane.TimedOut) {
          ledger.timedOut(channel);
        }
        if (e != null ? asks >= MAX_TRIES : reports >= MAX_TRIES) {
          ledger.abandonFailed(contactId);
          return CompletableFuture.<Void>completedFuture(null);
        }
        // still waiting (the report never arrived, or the journal's row not yet written): report again
        return Waits.after(1000).thenCompose(v -> e == null ? report(reports + 1) : ask(reports, asks + 1));
      }).thenCompose(java.util.function.Function.identity());
    }

    /** The server's state of the contact after the citizen left: abandoned, or answered first. */
    private void taken(String state) {
      if (!"ABANDONED".equals(state)) {
        ledger.hungUpAfterAnswerReported(contactId);
      }
    }

    /** Whether the server's contact state is one of a contact still waiting for an operator. */
    private static boolean waiting(String state) {
      return switch (state) {
        case "CREATED", "QUEUED", "OFFERED", "TRANSFERRED", "OVERFLOWED", "CALLBACK_REQUESTED" -> true;
        default -> false;
      };
    }
  }

  /**
   * A caller on the phone line ({@link VoiceCitizen}); one who hears {@code lines-busy} calls again
   * after a trace-time delay, at most {@link Redials#MAX_REDIALS} times, then gives up (counted);
   * the day's end during the delay is a give-up too. Completes after the last call; no thread
   * waits meanwhile (the delay is a timer of {@link Waits}).
   */
  private CompletableFuture<Void> phone(Arrival a, double patienceSeconds) {
    long n = calls.incrementAndGet();
    return dial(a, patienceSeconds, n, new Redials(options.seed(), n), 0);
  }

  /** Call {@code n} of arrival {@code a}'s after {@code redialled} busy lines. */
  private CompletableFuture<Void> dial(Arrival a, double patienceSeconds, long n, Redials redials, int redialled) {
    long call = redialled == 0 ? n : calls.incrementAndGet();
    return new VoiceCitizen(ledger, this::traceSeconds, options.speedup(), phones::get, callersWaitForMusic, phoneLine)
        .start(agi, a, call, patienceSeconds).thenCompose(outcome -> {
          if (outcome != VoiceCitizen.Outcome.BUSY) {
            return CompletableFuture.<Void>completedFuture(null);
          }
          if (!Redials.callsAgain(redialled)) {
            ledger.gaveUp.increment();
            return CompletableFuture.<Void>completedFuture(null);
          }
          long delayMillis = (long) (redials.nextDelaySeconds() * 1000 / options.speedup());
          return Waits.untilOr(ledger.dayOver, delayMillis).thenCompose(waited -> {
            if (ledger.dayOver.isDone()) {
              ledger.gaveUp.increment(); // the day ended before the redial
              return CompletableFuture.<Void>completedFuture(null);
            }
            ledger.redials.increment();
            return dial(a, patienceSeconds, n, redials, redialled + 1);
          });
        });
  }

  /**
   * Opens the citizen's contact or reports its abandon, as a channel adapter would; a 503 (the
   * server shed the request, nothing was stored) is sent again after its {@code Retry-After},
   * counted in {@link SimulationLedger#retries}, at most {@link #MAX_TRIES} times (an abandon shed
   * once was reported as failed before, and the two sides then counted it differently). A
   * submission with an {@code idempotencyKey} (an open: the form's one submission) is sent again
   * with the same key, after a second, also when its outcome is unknown (no answer in time, each
   * counted in {@link SimulationLedger#timedOut}, or the connection lost): the server may have
   * opened the contact without its answer coming back, and answers the repeat with that contact (session 18; before, such a contact was the server's alone: New York's
   * overloaded morning, WEB_FORM offered 3,390 / 3,470, its answered 666 / 746). Holds no thread
   * meanwhile.
   */
  private CompletableFuture<JsonNode> postRetrying(OneNumberClient intake, String path, Map<String, Object> body,
      String idempotencyKey, String channel, int tries) {
    return intake.postAsync(path, body, idempotencyKey).handle((answer, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(answer);
      }
      RuntimeException e = OneNumberClient.unwrapped(failure);
      // outcome unknown: no answer in time, the connection lost (not refused, not shed)
      boolean unknown = !(e instanceof OneNumberClient.Refused || e instanceof OneNumberClient.Busy);
      if (unknown && idempotencyKey != null && e instanceof ClientLane.TimedOut) {
        ledger.timedOut(channel);
      }
      if (!(e instanceof OneNumberClient.Busy || unknown && idempotencyKey != null) || tries >= MAX_TRIES) {
        return CompletableFuture.<JsonNode>failedFuture(e);
      }
      long afterMillis = 1000; // after a timeout: a second, as a browser's retry
      if (e instanceof OneNumberClient.Busy busy) {
        ledger.retries.increment();
        afterMillis = 1000 * busy.retryAfterSeconds;
      }
      return Waits.after(afterMillis)
          .thenCompose(v -> postRetrying(intake, path, body, idempotencyKey, channel, tries + 1));
    }).thenCompose(java.util.function.Function.identity());
  }

  private static Map<String, Object> body(Arrival a) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", a.channel().name());
    body.put("language", a.language());
    body.put("topic", a.topic());
    switch (a.channel()) {
      case VOICE, SMS, WHATSAPP, VIDEO -> body.put("phone", phoneOf(a.citizen()));
      case EMAIL, WEB_FORM -> body.put("email", "c" + Integer.toHexString(a.citizen().hashCode()) + "@example.org");
      default -> body.put("chatId", "chat-" + Integer.toHexString(a.citizen().hashCode()));
    }
    return body;
  }

  /** A stable, valid Korean mobile number per citizen key. */
  static String phoneOf(String citizen) {
    return String.format("+82105%07d", Math.floorMod(citizen.hashCode(), 10_000_000));
  }

  private long progress(long lastNanos) {
    if (System.nanoTime() - lastNanos < 5_000_000_000L) {
      return lastNanos;
    }
    SimulationLedger.Summary s = ledger.summary(15);
    double t = traceSeconds();
    double at = Math.abs(t);
    System.out.printf("[sim %s%02d:%02d trace] sent=%d answered=%d abandoned=%d waiting=%d sl15=%.1f%% asa=%.1fs rejected=%d errors=%d sim-timeouts=%d retries=%d redials=%d gave-up=%d refused-accepts=%s back-from-miss=%d stuck-not-responding=%d socket-renewals=%d socket-reconnects=%d%n",
        t < 0 ? "-" : "", (long) at / 3600, (long) at / 60 % 60, s.offered(), s.answered(), s.abandoned(), s.waiting(),
        100 * s.serviceLevel(), s.asaSeconds(), ledger.rejected.sum(), ledger.errors.sum(), ledger.timeouts.sum(),
        ledger.retries.sum(), ledger.redials.sum(), ledger.gaveUp.sum(), ledger.refusedAccepts,
        ledger.backFromMiss.sum(), ledger.stuckNotResponding.sum(), ledger.socketRenewals.sum(),
        ledger.socketReconnects.sum());
    System.out.println("[sim-http] " + http.timings());
    return System.nanoTime();
  }
}
