package org.onenumber.ops.analytics;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.onenumber.core.analytics.Observation;
import org.onenumber.core.error.InvalidInputException;

/**
 * Reads an NYC 311 service-request export (the open-data CSV: {@code created_date},
 * {@code complaint_type}, {@code latitude}, {@code longitude}) into observations in arrival order.
 * A row without a readable date is skipped; one without coordinates is kept unlocated. Only those
 * four columns are read: addresses and descriptions stay behind. Stateless.
 */
public final class Nyc311Observations {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private Nyc311Observations() {}

  /** The observations of an export; not a 311 export (columns missing) is an {@link InvalidInputException}. */
  public static List<Observation> parse(Reader csv) {
    List<Observation> out = new ArrayList<>();
    try {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
        if (!r.isMapped("created_date") || !r.isMapped("complaint_type") || !r.isMapped("latitude")
            || !r.isMapped("longitude")) {
          throw new InvalidInputException("not an NYC 311 export: created_date, complaint_type, latitude and longitude needed");
        }
        if (!r.isConsistent()) {
          continue;
        }
        observation(r, out);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      throw new InvalidInputException("the export is not readable CSV");
    }
    out.sort(Comparator.comparing(Observation::at));
    return out;
  }

  private static void observation(CSVRecord r, List<Observation> out) {
    try {
      var at = LocalDateTime.parse(r.get("created_date")).atZone(NEW_YORK).toInstant();
      String type = r.get("complaint_type").isBlank() ? null : r.get("complaint_type").strip();
      String lat = r.get("latitude");
      String lon = r.get("longitude");
      if (lat.isBlank() || lon.isBlank()) {
        out.add(Observation.unlocated(at, type));
      } else {
        out.add(new Observation(at, type, Double.parseDouble(lat), Double.parseDouble(lon)));
      }
    } catch (DateTimeParseException | NumberFormatException | InvalidInputException e) {
      // a row that is not a request (a bad date or place) is skipped
    }
  }
}
