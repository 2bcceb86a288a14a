package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code bin/simulate --url URL --trace nyc311|poisson [--contacts N] [--speedup N] [--agents N]}
 * or {@code --day seoul-120|nyc-record}:
 * loads the trace, runs the {@link Simulation}, prints a table of the figures the citizens
 * experienced next to those the server reports (as supervisor {@code sv-01}: when the trace was
 * lined up with a server day, that day's {@code total} row of {@code GET /api/v1/reports/intervals};
 * otherwise the live {@code GET /api/v1/service-levels}), the intraday table per 15 minutes ({@link IntradayReport}; on a city day or from
 * 1,000 contacts), the agreement of both sides for the center and per channel ({@link Agreement}),
 * and a last line {@code RESULT simulation ... redials=… gave_up=… agree=yes|no}. Exit code 1 when
 * nothing could be opened at all, {@value #DISAGREE} when the two sides disagree.
 */
public final class SimulateMain {

  /** Exit code when the simulator and the server disagree ({@link Agreement}). */
  static final int DISAGREE = 3;

  /**
   * How long, in wall seconds, the comparison waits after the day's end for the server's figures
   * to hold every end the simulator saw (hang-ups journaled after their acknowledgement); each
   * read may take up to the client's 30 s (a day report on a loaded machine took longer).
   */
  static final double JOURNAL_WAIT_S = 120;
  /** The day's report over New York's 277,000 contacts takes tens of seconds on 2 cores (bin/bench reports). */
  static final java.time.Duration REPORT_TIMEOUT = java.time.Duration.ofMinutes(5);

  private SimulateMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    SimulationOptions options = SimulationOptions.parse(args);
    List<Arrival> day = load(options);
    CityRoster roster = options.cityDay()
        ? CityRoster.plan(day, options.ahtSeconds(), options.patienceSeconds(), options.agents()) : null;
    if (roster != null) {
      roster.summary().forEach(System.out::println);
    }
    if (rosterOnly(args)) {
      return;
    }
    long fromS = from(options.cityDay(), args);
    List<Arrival> trace = window(day, options.cityDay(), args);
    System.out.printf("[sim] %s trace: %d contacts over %.1f h, speed-up %.0f× (≈ %.1f min), %d operators, %s%n",
        options.trace(), trace.size(), span(trace) / 3600.0, options.speedup(), span(trace) / options.speedup() / 60,
        options.agents(), options.url());
    System.out.println(options.phonesAgi() ? "[sim] calls phone the FastAGI IVR on port " + options.agiPort()
        : "[sim] calls are opened by the contact API (--voice api)");
    Simulation simulation = new Simulation(options, trace).rostered(roster).from(fromS);
    SimulationLedger ledger = simulation.run();
    SimulationLedger.Summary s = ledger.summary(15);
    Instant at = simulation.serverTimeAtStart();
    String date = (at == null ? Instant.now() : at).atZone(IntradayReport.CITY_ZONE).toLocalDate().toString();
    boolean aligned = simulation.alignedToServerDay();
    OneNumberClient supervisor = supervisor(options);
    JsonNode intervals = null;
    Map<String, JsonNode> figures;
    long waitFrom = System.nanoTime();
    while (true) { // the day's end: until the server journaled every end the simulator saw, bounded
      JsonNode read = serverFigures(supervisor, "/api/v1/reports/intervals?date=" + date + "&minutes=15",
          REPORT_TIMEOUT);
      intervals = read != null ? read : intervals; // a report that timed out keeps the last one read
      figures = aligned ? dayTotals(intervals) : liveFigures(supervisor,
          serverFigures(supervisor, "/api/v1/service-levels?scope=center"), ledger.channels());
      double waited = (System.nanoTime() - waitFrom) / 1e9;
      if (Agreement.countsAgree(Agreement.rows(ledger, figures, false))) {
        System.out.printf(Locale.ROOT, "[sim] the server's figures hold every end the simulator saw (after %.1f s)%n",
            waited);
        break;
      }
      if (waited >= JOURNAL_WAIT_S || supervisor == null) {
        System.out.printf(Locale.ROOT, "[sim] after %.0f s the server's counts still differ (see the agreement"
            + " table); the simulator's still open: %s%n", waited, ledger.stillOpen().isEmpty() ? "nothing"
            : ledger.stillOpen());
        break;
      }
      Thread.sleep(1000);
    }
    JsonNode server = figures.get(Agreement.CENTER);
    List<IntradayReport.Row> intraday = IntradayReport.rows(ledger, at, intervals);
    if (options.cityDay() || options.contacts() >= 1000) {
      System.out.println();
      IntradayReport.print(System.out, intraday);
    }
    String chartsDir = System.getenv("SIMULATE_CHARTS_DIR");
    if (chartsDir != null && !chartsDir.isBlank()) {
      String caption = String.format(Locale.ROOT, "%s, %d contacts, %d operators, %.0f×, server day %s",
          options.trace(), s.offered(), options.agents(), options.speedup(), date);
      System.out.println("[sim] charts: " + IntradayCharts.write(java.nio.file.Path.of(chartsDir), caption, intraday));
    }
    double serverFcr = server == null ? Double.NaN : server.path("fcr").asDouble(Double.NaN);
    double fcr = Double.isNaN(serverFcr) ? s.fcr() : serverFcr;
    System.out.println();
    System.out.println("figure                 simulator(citizens)   " + (simulation.alignedToServerDay()
        ? "server(day " + date + ")" : "server(live)"));
    row("offered", s.offered(), server == null ? Double.NaN : server.path("offered").asDouble());
    row("answered", s.answered(), server == null ? Double.NaN : server.path("answered").asDouble());
    row("abandoned", s.abandoned(), server == null ? Double.NaN : server.path("abandoned").asDouble());
    row("service level 15 s %", 100 * s.serviceLevel(), server == null ? Double.NaN : 100 * server.path("serviceLevel").asDouble(Double.NaN));
    row("ASA s", s.asaSeconds(), server == null ? Double.NaN : server.path("asaSeconds").asDouble(Double.NaN));
    row("abandonment %", 100 * s.abandonRate(), server == null ? Double.NaN : 100 * server.path("abandonRate").asDouble(Double.NaN));
    row("FCR %", 100 * s.fcr(), 100 * serverFcr);
    if (options.phonesAgi()) {
      SimulationLedger.Summary calls = ledger.callSummary(15);
      JsonNode voice = figures.get("VOICE");
      row("calls offered", calls.offered(), voice == null ? Double.NaN : voice.path("offered").asDouble());
      row("calls answered", calls.answered(), voice == null ? Double.NaN : voice.path("answered").asDouble());
      row("calls abandoned", calls.abandoned(), voice == null ? Double.NaN : voice.path("abandoned").asDouble());
    }
    System.out.printf("rejected by intake: %d, call errors: %d (the simulator's own timeouts among them: %d, by"
        + " channel %s), retries after 503/unavailable: %d%n",
        ledger.rejected.sum(), ledger.errors.sum(), ledger.timeouts.sum(), ledger.timeoutsByChannel(),
        ledger.retries.sum());
    System.out.printf("busy lines: %d calls made again after lines-busy, %d citizens gave up turned away busy"
        + " (neither is a contact on either side)%n", ledger.redials.sum(), ledger.gaveUp.sum());
    System.out.println();
    List<Agreement.Row> agreement = Agreement.rows(ledger, figures, aligned);
    Agreement.print(System.out, agreement, aligned, options.speedup());
    boolean agree = Agreement.agree(agreement);
    System.out.printf(Locale.ROOT, "RESULT simulation contacts=%d sl15=%.1f asa_s=%.1f abandon_pct=%.1f fcr_pct=%.1f"
        + " redials=%d gave_up=%d sim_timeouts=%d sim_timeouts_by_channel=%s sim_cpu_s=%.1f sim_threads_max=%d"
        + " agree=%s%n", s.offered(), 100 * s.serviceLevel(), s.asaSeconds(), 100 * s.abandonRate(), 100 * fcr,
        ledger.redials.sum(), ledger.gaveUp.sum(), ledger.timeouts.sum(), ledger.timeoutsByChannel(),
        simulation.cpuSeconds(), simulation.threadsMax(), agree ? "yes" : "no");
    if (s.offered() == 0) {
      System.exit(1);
    }
    if (!agree) {
      System.err.println("[sim] the simulator and the server DISAGREE (see the agreement table)");
      System.exit(DISAGREE);
    }
  }

  /** The day report's {@code total} rows: the center's and each channel's, by name. */
  static Map<String, JsonNode> dayTotals(JsonNode intervals) {
    Map<String, JsonNode> totals = new HashMap<>();
    totals.put(Agreement.CENTER, dayTotal(intervals));
    if (intervals != null) {
      for (JsonNode row : intervals.path("rows")) {
        if ("channel".equals(row.path("scope").asText()) && "total".equals(row.path("interval").asText())) {
          totals.put(row.path("id").asText(), row);
        }
      }
    }
    return totals;
  }

  /** The live "today" figures of the center (already read) and of each channel the simulator saw. */
  private static Map<String, JsonNode> liveFigures(OneNumberClient supervisor, JsonNode center, Set<String> channels) {
    Map<String, JsonNode> figures = new HashMap<>();
    figures.put(Agreement.CENTER, center);
    channels.forEach(c -> figures.put(c, serverFigures(supervisor, "/api/v1/service-levels?scope=channel&id=" + c)));
    return figures;
  }

  static List<Arrival> load(SimulationOptions options) throws IOException {
    SplittableRandom random = new SplittableRandom(options.seed());
    List<Arrival> trace = switch (options.trace()) {
      case "nyc311" -> Nyc311Trace.read(options.nycFile(), "ko");
      case "seoul-120" -> CityDay.seoul120(random, options.contacts());
      case "nyc-record" -> CityDay.nycRecord(random, options.contacts(), Nyc311Trace.read(options.nycFile(), "ko"));
      default -> PoissonCityDay.generate(random, options.contacts(), 0.10);
    };
    return trace.subList(0, Math.min(options.contacts(), trace.size()));
  }

  /** {@code --roster-only yes}: print a city day's roster and stop (no server is asked anything). */
  static boolean rosterOnly(String... args) {
    for (int i = 0; i + 1 < args.length; i++) {
      if ("--roster-only".equals(args[i])) {
        return "yes".equals(args[i + 1]);
      }
    }
    return false;
  }

  /**
   * {@code --until HH:MM}: only the arrivals before that trace time (a city day's offsets count from
   * its midnight, any other trace's from its first arrival), the same slice of a day at any size
   * and speed-up, e.g. to compare the simulator's cost before and after a change; without it, all.
   */
  static List<Arrival> until(List<Arrival> trace, boolean cityDay, String... args) {
    for (int i = 0; i + 1 < args.length; i++) {
      if ("--until".equals(args[i])) {
        long cut = secondOfDay("--until", args[i + 1]) * 1000L
            + (cityDay || trace.isEmpty() ? 0 : trace.get(0).offsetMillis());
        return trace.stream().filter(a -> a.offsetMillis() < cut).toList();
      }
    }
    return trace;
  }

  /** The arrivals played: those of {@link #from} on and before {@link #until}. */
  static List<Arrival> window(List<Arrival> trace, boolean cityDay, String... args) {
    long fromMillis = from(cityDay, args) * 1000;
    return until(trace, cityDay, args).stream().filter(a -> a.offsetMillis() >= fromMillis).toList();
  }

  /**
   * {@code --from HH:MM}: a city day played from that trace time on, in trace seconds (0 without
   * it): with {@code --until}, a window of the day such as its peak, 09:00–11:00, in minutes of wall
   * time instead of the whole day's quarter hour ({@link Simulation#from}: the server's clock is set
   * to just before it and the operators on duty then log in first). Only a city day has a time of
   * day to start from.
   */
  static long from(boolean cityDay, String... args) {
    for (int i = 0; i + 1 < args.length; i++) {
      if ("--from".equals(args[i])) {
        if (!cityDay) {
          throw new org.onenumber.core.error.InvalidInputException("--from needs a city day (--day)");
        }
        return secondOfDay("--from", args[i + 1]);
      }
    }
    return 0;
  }

  /** {@code value} of {@code flag} as HH:MM, in seconds of the day; refused plainly otherwise. */
  private static long secondOfDay(String flag, String value) {
    try {
      return java.time.LocalTime.parse(value).toSecondOfDay();
    } catch (java.time.format.DateTimeParseException e) {
      throw new org.onenumber.core.error.InvalidInputException(flag + " must be HH:MM, got " + value);
    }
  }

  private static double span(List<Arrival> trace) {
    return trace.isEmpty() ? 0 : (trace.get(trace.size() - 1).offsetMillis() - trace.get(0).offsetMillis()) / 1000.0;
  }

  /** Supervisor {@code sv-01}, who reads the server's figures; null (said) when it cannot log in. */
  private static OneNumberClient supervisor(SimulationOptions options) {
    try {
      return OneNumberClient.alone(options.url(), "supervisor").login("sv-01", options.password());
    } catch (RuntimeException e) {
      System.out.println("[sim] server figures unavailable: " + e.getMessage());
      return null;
    }
  }

  private static JsonNode serverFigures(OneNumberClient supervisor, String path) {
    return serverFigures(supervisor, path, null);
  }

  private static JsonNode serverFigures(OneNumberClient supervisor, String path, java.time.Duration timeout) {
    if (supervisor == null) {
      return null;
    }
    try {
      return timeout == null ? supervisor.get(path) : supervisor.get(path, timeout);
    } catch (RuntimeException e) {
      System.out.println("[sim] server figures unavailable: " + e.getMessage());
      return null;
    }
  }

  /**
   * The center's {@code total} row of the day's interval report: the whole replayed day, however
   * far past the server's next midnight the last contacts ended (the live "today" starts afresh).
   */
  static JsonNode dayTotal(JsonNode intervals) {
    return dayTotal(intervals, "center", "center");
  }

  /** The {@code total} row of one scope ({@code channel}, {@code VOICE}) of the day's interval report. */
  static JsonNode dayTotal(JsonNode intervals, String scope, String id) {
    if (intervals == null) {
      return null;
    }
    for (JsonNode row : intervals.path("rows")) {
      if (scope.equals(row.path("scope").asText()) && id.equals(row.path("id").asText("center"))
          && "total".equals(row.path("interval").asText())) {
        return row;
      }
    }
    return null;
  }

  private static void row(String name, double simulator, double server) {
    System.out.printf(Locale.ROOT, "%-22s %18.1f %14s%n", name, simulator,
        Double.isNaN(server) ? "-" : String.format(Locale.ROOT, "%.1f", server));
  }
}
