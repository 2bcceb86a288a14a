package org.onenumber.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.onenumber.ops.simulator.CityDay;
import org.onenumber.ops.simulator.SimulationOptions;

/**
 * A smaller city day for CI: Seoul's curve and channel mix with 5,000 contacts, the city seed's
 * first 100 operators logging in and out by shift, wrapping up on the server's clock and taking
 * breaks, at 500× (a day in 2.9 minutes of wall time); the server's SL15 and ASA must agree with
 * the simulator's ({@link ReplayAgainstServer}, SL within 3 points at this speed-up). Both count
 * each contact against its queue's threshold (10–120 s; the simulator reads them from {@code GET
 * /api/v1/queues}). Runs only with {@code -Donenumber.replays=true} (needs a quiet machine).
 */
@Disabled("the replayed day crosses the server's midnight (clock starts at 00:00 when the server starts, the"
    + " trace when the server answers), so the live 'today' holds only the last part: 22 of 4,999 offered in the"
    + " one run, 2026-12-02; fix the alignment, then enable")
@EnabledIfSystemProperty(named = "onenumber.replays", matches = "true",
    disabledReason = "a replay at 200-500x needs a quiet machine: run with -Donenumber.replays=true")
class SmallCityDayH2IT {

  private static final long SEED = Long.getLong("tests.seed", 120L);

  @Test
  void serverAndSimulatorAgreeOnASmallDay() throws Exception {
    SimulationOptions options = new SimulationOptions(URI.create("http://unused/"), "seoul-120", 5_000, 500, 100,
        SEED, Path.of("unused"), "demo1234", 240, 180, 0.08);
    ReplayAgainstServer.Outcome outcome = new ReplayAgainstServer().replay(options,
        CityDay.seoul120(new SplittableRandom(SEED), 5_000), Map.of("onenumber.seed.profile", "city"));
    ReplayAgainstServer.assertAgreement(outcome, 5_000, 500, 3);
  }
}
