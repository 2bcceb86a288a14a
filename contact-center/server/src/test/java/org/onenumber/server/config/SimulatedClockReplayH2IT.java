package org.onenumber.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.onenumber.core.contact.Channel;
import org.onenumber.ops.simulator.Arrival;
import org.onenumber.ops.simulator.SimulationOptions;
import org.onenumber.server.RunsAlone;

/**
 * The simulated clock end to end: a seeded replay of 2,000 Korean voice contacts (queue
 * {@code general-ko}, T = 15 s, the 40 demo operators) against a server whose clock runs at the
 * replay's speed-up; the server's live SL15 and ASA must equal what the simulated citizens saw,
 * within rounding ({@link ReplayAgainstServer}). At 200× the trace is a realistic load (AHT
 * 480 s, patience 240 s, offered at 90 % of the line's capacity: 12 contacts a second of wall
 * time, ≈ 3 minutes); at 1× the same number of contacts with a 6 s handle time, 20 s patience and
 * 110 % load, so that the queue grows past the threshold and the run ends in ≈ 5.5 minutes. Replay one run with {@code
 * -Dtests.seed=N}. Runs only with {@code -Donenumber.replays=true}: on a shared machine at load
 * 15–25 the server in the test JVM answered in seconds, i.e. in trace hours at 200×.
 */
@EnabledIfSystemProperty(named = "onenumber.replays", matches = "true",
    disabledReason = "a replay at 200-500x needs a quiet machine: run with -Donenumber.replays=true")
@RunsAlone
class SimulatedClockReplayH2IT {

  private static final long SEED = Long.getLong("tests.seed", 20260415L);
  private static final int CONTACTS = 2_000;

  @Test
  void serverServiceLevelsEqualTheSimulatorsAt200x() throws Exception {
    replayAndCompare(200, 480, 240, 0.9);
  }

  @Test
  void serverServiceLevelsEqualTheSimulatorsAt1x() throws Exception {
    replayAndCompare(1, 6, 20, 1.1);
  }

  private void replayAndCompare(double speedup, double ahtSeconds, double patienceSeconds, double load)
      throws Exception {
    SimulationOptions options = new SimulationOptions(URI.create("http://unused/"), "poisson", CONTACTS, speedup,
        40, SEED, Path.of("unused"), "demo1234", ahtSeconds, patienceSeconds, 0.08);
    ReplayAgainstServer.Outcome outcome = new ReplayAgainstServer().replay(options, trace(ahtSeconds, load), Map.of());
    ReplayAgainstServer.assertAgreement(outcome, CONTACTS, speedup, 2);
  }

  /**
   * Korean voice contacts at {@code load} × what the 33 demo operators on {@code general-ko} can
   * take: inter-arrival gaps exponential with mean AHT ÷ (load × 33).
   */
  private static List<Arrival> trace(double ahtSeconds, double load) {
    SplittableRandom random = new SplittableRandom(SEED);
    double meanGapMillis = ahtSeconds * 1000 / (load * 33);
    List<Arrival> arrivals = new ArrayList<>(CONTACTS);
    double at = 0;
    for (int i = 0; i < CONTACTS; i++) {
      at += -Math.log(1 - random.nextDouble()) * meanGapMillis;
      arrivals.add(new Arrival((long) at, Channel.VOICE, "ko", "버스 운행", "transport",
          "citizen-" + random.nextInt(CONTACTS / 3)));
    }
    return arrivals;
  }
}
