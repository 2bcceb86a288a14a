package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.testkit.SharedData;

class Nyc311TraceTest {

  private static final String HEADER = "\"unique_key\",\"created_date\",\"agency\",\"complaint_type\",\"incident_zip\",\"incident_address\",\"open_data_channel_type\",\"location\"\n";

  @Test
  void mapsChannelsDepartmentsAndOffsetsFromTheEarliestRequest() throws Exception {
    String csv = HEADER
        + "\"2\",\"2024-04-15T23:00:10.000\",\"HPD\",\"HEAT/HOT WATER\",\"10001\",\"1 MAIN ST\",\"ONLINE\",\"(40.7,\n-73.9)\"\n"
        + "\"1\",\"2024-04-15T23:00:00.000\",\"NYPD\",\"Noise - Residential\",\"10001\",\"1 MAIN ST\",\"PHONE\",\n"
        + "\"3\",\"not a date\",\"DOT\",\"Pothole\",,,\"PHONE\",\n"
        + "\"4\",\"2024-04-15T23:01:00.000\",\"DOT\",\"Street Light Condition\",,,\"MOBILE\",\n";
    List<Arrival> arrivals = Nyc311Trace.parse(new StringReader(csv), "ko");
    assertEquals(3, arrivals.size());
    assertEquals(new Arrival(0, Channel.VOICE, "ko", "Noise - Residential", "environment", "1 MAIN ST 10001"), arrivals.get(0));
    assertEquals(new Arrival(10_000, Channel.WEB_FORM, "ko", "HEAT/HOT WATER", "housing", "1 MAIN ST 10001"), arrivals.get(1));
    assertEquals(Channel.CHAT, arrivals.get(2).channel());
    assertEquals("roads", arrivals.get(2).department());
    assertEquals(60_000, arrivals.get(2).offsetMillis());
  }

  @Test
  void rejectsAFileThatIsNotA311Export() {
    assertThrows(InvalidInputException.class, () -> Nyc311Trace.parse(new StringReader("a,b\n1,2\n"), "ko"));
  }

  @Test
  void readsTheRealNightOfAprilFifteenth() throws Exception {
    Path file = SharedData.file("nyc311/311-service-requests-2024-04-15.csv");
    List<Arrival> arrivals = Nyc311Trace.read(file, "ko");
    assertEquals(1000, arrivals.size());
    long span = arrivals.get(arrivals.size() - 1).offsetMillis();
    assertTrue(span > 4 * 3_600_000L && span < 4.3 * 3_600_000L, "about four hours, got " + span);
    assertEquals(349 + 47, arrivals.stream().filter(a -> a.channel() == Channel.VOICE).count());
    for (int i = 1; i < arrivals.size(); i++) {
      assertTrue(arrivals.get(i).offsetMillis() >= arrivals.get(i - 1).offsetMillis());
    }
  }
}
