package org.onenumber.ops.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.ops.staffing.CityStaffGroup;

/**
 * What {@code bin/simulate} was asked to do.
 *
 * @param contacts how many arrivals to play (the trace is cut, or the Poisson day sized, to it)
 * @param speedup trace seconds per real second
 * @param trace nyc311, poisson, or a whole city day ({@link CityDay}: operators then work shifts)
 * @param agents how many demo operators (op-001 ...) to log in
 * @param ahtSeconds mean handle time of the simulated operators
 * @param patienceSeconds mean patience of the simulated citizens
 * @param escalateShare share of handled contacts the operators escalate to a department
 * @param date the server day the trace is played on ({@link ServerClockAlignment}: trace second 0
 *     reaches the server at that day's midnight in Seoul); null: a city day takes the server's next
 *     midnight, any other trace starts when the server answers
 * @param twilioAuthToken the server's Twilio auth token: SMS citizens then text through signed
 *     webhooks ({@link SmsCitizen}); null: they are opened by {@code POST /api/v1/contacts}
 * @param agiPort the server's FastAGI port (on the host of {@code url}): callers then phone the IVR
 *     as Asterisk would ({@link VoiceCitizen}); 0: calls are opened by {@code POST /api/v1/contacts}
 *     as before session 9 ({@code --voice api})
 */
public record SimulationOptions(URI url, String trace, int contacts, double speedup, int agents, long seed,
    Path nycFile, String password, double ahtSeconds, double patienceSeconds, double escalateShare,
    LocalDate date, String twilioAuthToken, int agiPort) {

  /** Calls opened by the contact API ({@code agiPort} 0). */
  public SimulationOptions(URI url, String trace, int contacts, double speedup, int agents, long seed, Path nycFile,
      String password, double ahtSeconds, double patienceSeconds, double escalateShare, LocalDate date,
      String twilioAuthToken) {
    this(url, trace, contacts, speedup, agents, seed, nycFile, password, ahtSeconds, patienceSeconds, escalateShare,
        date, twilioAuthToken, 0);
  }

  /** Not lined up with a server day unless it is a city day (see {@code date}). */
  public SimulationOptions(URI url, String trace, int contacts, double speedup, int agents, long seed, Path nycFile,
      String password, double ahtSeconds, double patienceSeconds, double escalateShare) {
    this(url, trace, contacts, speedup, agents, seed, nycFile, password, ahtSeconds, patienceSeconds, escalateShare,
        null, null);
  }

  /** The same options against another server. */
  public SimulationOptions at(URI server) {
    return new SimulationOptions(server, trace, contacts, speedup, agents, seed, nycFile, password, ahtSeconds,
        patienceSeconds, escalateShare, date, twilioAuthToken, agiPort);
  }

  /** The same options on server day {@code day}, SMS through webhooks signed with {@code authToken}. */
  public SimulationOptions onDay(LocalDate day, String authToken) {
    return new SimulationOptions(url, trace, contacts, speedup, agents, seed, nycFile, password, ahtSeconds,
        patienceSeconds, escalateShare, day, authToken, agiPort);
  }

  /** The same options with calls to the FastAGI IVR on {@code port} (0: by the contact API). */
  public SimulationOptions phoningAgi(int port) {
    return new SimulationOptions(url, trace, contacts, speedup, agents, seed, nycFile, password, ahtSeconds,
        patienceSeconds, escalateShare, date, twilioAuthToken, port);
  }

  /** Whether VOICE arrivals phone the server's FastAGI IVR ({@link VoiceCitizen}). */
  public boolean phonesAgi() {
    return agiPort > 0;
  }

  /** Whether trace second 0 is placed at a server midnight (a city day, or a {@code date} given). */
  public boolean alignedToServerDay() {
    return date != null || cityDay();
  }

  /** A whole city day: operators log in and out by the {@link CityRoster}, take breaks and wrap up. */
  public boolean cityDay() {
    return CityDay.isDay(trace);
  }

  public SimulationOptions {
    InvalidInputException.require(url, "url");
    if (!"nyc311".equals(trace) && !"poisson".equals(trace) && !CityDay.isDay(trace)) {
      throw new InvalidInputException("--trace must be nyc311 or poisson (or --day seoul-120|nyc-record), got "
          + trace);
    }
    if (contacts < 1 || speedup <= 0 || agents < 1
        || agents > CityStaffGroup.MAX_OPERATORS) {
      throw new InvalidInputException("--contacts ≥ 1, --speedup > 0, --agents 1.." + CityStaffGroup.MAX_OPERATORS
          + " expected");
    }
    if (agiPort < 0 || agiPort > 65_535) {
      throw new InvalidInputException("--agi-port must be 1..65535, got " + agiPort);
    }
  }

  /**
   * Parses {@code --url URL --trace nyc311|poisson [--contacts N] [--speedup N] [--agents N] ...}.
   * {@code --day seoul-120|nyc-record} plays a whole city day instead: that trace, its size, its seeded
   * operators ({@link CityDay#operators}: Seoul {@value CityStaffGroup#DEFAULT_OPERATORS}, New York {@value
   * CityDay#NYC_OPERATORS}) for its roster and 100× unless given. Calls phone the FastAGI IVR on the server's host
   * ({@code --voice agi}, the default, port {@code --agi-port}, 4573) or are opened by the contact
   * API ({@code --voice api}: the figures before session 9).
   */
  public static SimulationOptions parse(String... args) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new InvalidInputException("usage: --url URL --trace nyc311|poisson [--contacts N] [--speedup N] "
            + "[--agents N] [--seed N] [--nyc-file PATH] [--aht S] [--patience S] [--escalate SHARE] "
            + "[--date YYYY-MM-DD] [--twilio-token TOKEN] [--voice agi|api] [--agi-port N] [--from HH:MM] [--until HH:MM] [--roster-only yes] "
            + "| --url URL --day seoul-120|nyc-record [...]");
      }
      m.put(args[i].substring(2), args[++i]);
    }
    String day = m.get("day");
    String trace = day != null ? day : m.getOrDefault("trace", "poisson");
    String size = day != null ? String.valueOf(CityDay.contacts(day)) : "nyc311".equals(trace) ? "1000" : "42000";
    int contacts = Integer.parseInt(m.getOrDefault("contacts", size));
    String url = InvalidInputException.requireText(m.get("url"), "--url");
    return new SimulationOptions(URI.create(url.endsWith("/") ? url : url + "/"), trace, contacts,
        Double.parseDouble(m.getOrDefault("speedup", day != null ? "100" : "60")),
        Integer.parseInt(m.getOrDefault("agents",
            day != null ? String.valueOf(CityDay.operators(day)) : "40")),
        Long.parseLong(m.getOrDefault("seed", "120")),
        Path.of(m.getOrDefault("nyc-file", "../shared/data/nyc311/311-service-requests-2024-04-15.csv")),
        m.getOrDefault("password", "demo1234"), Double.parseDouble(m.getOrDefault("aht", "240")),
        Double.parseDouble(m.getOrDefault("patience", "180")), Double.parseDouble(m.getOrDefault("escalate", "0.08")),
        date(m.get("date")), m.getOrDefault("twilio-token", System.getenv("TWILIO_AUTH_TOKEN")), agiPort(m));
  }

  /** {@code --voice agi} (default) on {@code --agi-port} (4573), or {@code --voice api}: 0. */
  private static int agiPort(java.util.Map<String, String> m) {
    String voice = m.getOrDefault("voice", "agi");
    if (!"agi".equals(voice) && !"api".equals(voice)) {
      throw new InvalidInputException("--voice must be agi or api, got " + voice);
    }
    return "api".equals(voice) ? 0 : Integer.parseInt(m.getOrDefault("agi-port", "4573"));
  }

  private static LocalDate date(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("--date must be YYYY-MM-DD, got " + text);
    }
  }
}
