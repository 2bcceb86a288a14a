package org.onenumber.ops.simulator;

import java.net.URI;
import java.nio.file.Path;
import org.onenumber.core.error.InvalidInputException;

/**
 * What {@code bin/simulate} was asked to do.
 *
 * @param contacts how many arrivals to play (the trace is cut, or the Poisson day sized, to it)
 * @param speedup trace seconds per real second
 * @param agents how many demo operators (op-001 ...) to log in
 * @param ahtSeconds mean handle time of the simulated operators
 * @param patienceSeconds mean patience of the simulated citizens
 * @param escalateShare share of handled contacts the operators escalate to a department
 */
public record SimulationOptions(URI url, String trace, int contacts, double speedup, int agents, long seed,
    Path nycFile, String password, double ahtSeconds, double patienceSeconds, double escalateShare) {

  public SimulationOptions {
    InvalidInputException.require(url, "url");
    if (!"nyc311".equals(trace) && !"poisson".equals(trace)) {
      throw new InvalidInputException("--trace must be nyc311 or poisson, got " + trace);
    }
    if (contacts < 1 || speedup <= 0 || agents < 1 || agents > 999) {
      throw new InvalidInputException("--contacts ≥ 1, --speedup > 0, --agents 1..999 expected");
    }
  }

  /** Parses {@code --url URL --trace nyc311|poisson [--contacts N] [--speedup N] [--agents N] ...}. */
  public static SimulationOptions parse(String... args) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new InvalidInputException("usage: --url URL --trace nyc311|poisson [--contacts N] [--speedup N] "
            + "[--agents N] [--seed N] [--nyc-file PATH] [--aht S] [--patience S] [--escalate SHARE]");
      }
      m.put(args[i].substring(2), args[++i]);
    }
    String trace = m.getOrDefault("trace", "poisson");
    int contacts = Integer.parseInt(m.getOrDefault("contacts", "nyc311".equals(trace) ? "1000" : "42000"));
    String url = InvalidInputException.requireText(m.get("url"), "--url");
    return new SimulationOptions(URI.create(url.endsWith("/") ? url : url + "/"), trace, contacts,
        Double.parseDouble(m.getOrDefault("speedup", "60")), Integer.parseInt(m.getOrDefault("agents", "40")),
        Long.parseLong(m.getOrDefault("seed", "120")),
        Path.of(m.getOrDefault("nyc-file", "../shared/data/nyc311/311-service-requests-2024-04-15.csv")),
        m.getOrDefault("password", "demo1234"), Double.parseDouble(m.getOrDefault("aht", "240")),
        Double.parseDouble(m.getOrDefault("patience", "180")), Double.parseDouble(m.getOrDefault("escalate", "0.08")));
  }
}
