package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

class SimulationOptionsTest {

  @Test
  void callsPhoneTheFastAgiIvrUnlessAskedForTheContactApi() {
    SimulationOptions agi = SimulationOptions.parse("--url", "http://127.0.0.1:8080", "--day", "seoul-120");
    assertTrue(agi.phonesAgi());
    assertEquals(4573, agi.agiPort());
    assertEquals(4600, SimulationOptions.parse("--url", "http://h/", "--agi-port", "4600").agiPort());
    SimulationOptions api = SimulationOptions.parse("--url", "http://h/", "--voice", "api", "--agi-port", "4600");
    assertFalse(api.phonesAgi(), "the figures before session 9 stay reproducible");
    assertEquals(4600, api.at(java.net.URI.create("http://other/")).phoningAgi(4600).agiPort());
    assertThrows(InvalidInputException.class, () -> SimulationOptions.parse("--url", "http://h/", "--voice", "sip"));
    assertThrows(InvalidInputException.class, () -> SimulationOptions.parse("--url", "http://h/", "--agi-port", "70000"));
  }

  @Test
  void newYorksRecordDayMayLogInMoreThanNineHundredNinetyNineOperators() {
    assertEquals(CityDay.NYC_OPERATORS, SimulationOptions.parse("--url", "http://h/", "--day", "nyc-record").agents());
    assertEquals(540, SimulationOptions.parse("--url", "http://h/", "--day", "seoul-120").agents());
    assertEquals(5_500, SimulationOptions.parse("--url", "http://h/", "--day", "nyc-record", "--agents", "5500").agents());
    assertThrows(InvalidInputException.class, () -> SimulationOptions.parse("--url", "http://h/", "--agents", "10000"));
    assertThrows(InvalidInputException.class, () -> SimulationOptions.parse("--url", "http://h/", "--agents", "0"));
  }
}
