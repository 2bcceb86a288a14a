package org.onenumber.ops.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;

/**
 * Reads the NYC Open Data 311 export ({@code created_date}, {@code agency},
 * {@code complaint_type}, {@code open_data_channel_type}, {@code incident_address}, ...) into
 * arrivals, offsets relative to the earliest request. Mapping, case by case:
 *
 * <ol>
 *   <li>channel: PHONE → VOICE, MOBILE → CHAT (the 311 app), ONLINE → WEB_FORM, anything else →
 *       VOICE;
 *   <li>department: by complaint type first (noise → environment, parking → traffic-parking, heat,
 *       plumbing and the like → housing, ...), then by agency, else {@code safety};
 *   <li>citizen: the incident address (or zip), so several reports of one address count as repeats;
 *   <li>rows without a parseable {@code created_date} or complaint type are skipped.
 * </ol>
 *
 * Stateless. Fails with {@link InvalidInputException} if the file lacks the required columns.
 */
public final class Nyc311Trace {

  private Nyc311Trace() {}

  public static List<Arrival> read(Path csv, String language) throws IOException {
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return parse(reader, language);
    }
  }

  public static List<Arrival> parse(Reader reader, String language) throws IOException {
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(reader).getRecords();
    List<Object[]> parsed = new ArrayList<>();
    for (CSVRecord row : rows) {
      if (!row.isMapped("created_date") || !row.isMapped("complaint_type")) {
        throw new InvalidInputException("not a NYC 311 export: created_date and complaint_type columns are required");
      }
      LocalDateTime created = created(row.get("created_date"));
      String type = row.get("complaint_type").trim();
      if (created == null || type.isEmpty()) {
        continue;
      }
      parsed.add(new Object[] {created, row});
    }
    parsed.sort(Comparator.comparing(o -> (LocalDateTime) o[0]));
    List<Arrival> arrivals = new ArrayList<>();
    if (parsed.isEmpty()) {
      return arrivals;
    }
    LocalDateTime first = (LocalDateTime) parsed.get(0)[0];
    for (Object[] o : parsed) {
      CSVRecord row = (CSVRecord) o[1];
      long offset = java.time.Duration.between(first, (LocalDateTime) o[0]).toMillis();
      String type = row.get("complaint_type").trim();
      arrivals.add(new Arrival(offset, channel(get(row, "open_data_channel_type")), language, type,
          department(type, get(row, "agency")), citizen(row)));
    }
    return arrivals;
  }

  static Channel channel(String openDataChannel) {
    return switch (openDataChannel.trim().toUpperCase(Locale.ROOT)) {
      case "PHONE" -> Channel.VOICE;
      case "MOBILE" -> Channel.CHAT;
      case "ONLINE" -> Channel.WEB_FORM;
      default -> Channel.VOICE;
    };
  }

  static String department(String complaintType, String agency) {
    String t = complaintType.toLowerCase(Locale.ROOT);
    if (t.contains("noise")) {
      return "environment";
    } else if (t.contains("parking") || t.contains("driveway") || t.contains("abandoned vehicle")) {
      return "traffic-parking";
    } else if (t.matches(".*(heat|plumbing|paint|water leak|door|unsanitary|electric|flooring|appliance|general|elevator|mold).*")) {
      return "housing";
    } else if (t.contains("street") || t.contains("sidewalk") || t.contains("traffic signal")) {
      return "roads";
    } else if (t.contains("graffiti") || t.contains("dirty") || t.contains("sanitation") || t.contains("litter")) {
      return "waste";
    } else if (t.contains("water")) {
      return "water";
    } else if (t.contains("animal") || t.contains("rodent")) {
      return "animal";
    } else if (t.contains("homeless") || t.contains("encampment")) {
      return "welfare";
    } else if (t.contains("taxi") || t.contains("for hire")) {
      return "transport";
    }
    return switch (agency.trim().toUpperCase(Locale.ROOT)) {
      case "DOT" -> "roads";
      case "DSNY" -> "waste";
      case "DEP" -> "water";
      case "DOHMH" -> "health";
      case "DHS" -> "welfare";
      case "DPR" -> "parks";
      case "TLC" -> "transport";
      case "DCWP" -> "consumer";
      case "EDC" -> "economy";
      case "HPD" -> "housing";
      default -> "safety";
    };
  }

  private static String citizen(CSVRecord row) {
    String address = get(row, "incident_address").trim();
    String zip = get(row, "incident_zip").trim();
    if (!address.isEmpty()) {
      return address + " " + zip;
    }
    return zip.isEmpty() ? "nyc-" + get(row, "unique_key") : "zip-" + zip;
  }

  private static String get(CSVRecord row, String column) {
    return row.isMapped(column) && row.isSet(column) ? row.get(column) : "";
  }

  private static LocalDateTime created(String text) {
    try {
      return LocalDateTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
