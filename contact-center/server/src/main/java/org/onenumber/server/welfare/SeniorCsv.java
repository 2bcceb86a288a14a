package org.onenumber.server.welfare;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.welfare.CallWindow;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.core.welfare.EmergencyContact;
import org.onenumber.core.welfare.Senior;
import org.onenumber.core.welfare.SeniorId;
import org.onenumber.core.welfare.WelfareConsent;
import org.onenumber.server.api.PhoneNumbers;

/**
 * Reads seniors from CSV (a header row, then one senior per row; the columns are {@link #COLUMNS}).
 * Every row is validated alone (phones, windows, consent, dates), then across the file and the
 * registry: an id twice in the file, or a phone number used by two seniors, refuses the later row.
 * A refused row's reason names the column and never quotes the value. Stateless.
 */
final class SeniorCsv {

  static final List<String> COLUMNS = List.of("id", "name", "phones", "address", "district", "language",
      "consent_calls", "consent_sms", "consent_sharing", "consent_emergency", "consent_by", "consent_at",
      "emergency_contacts", "worker", "worker_phone", "windows", "mode", "care_notes", "enrolled_on", "ends_on");
  static final int MAX_ROWS = 200_000;

  /** One refused row: its line number in the file (the header is line 1) and why. */
  record Refused(long line, String reason) {}

  /** The accepted seniors and the refused rows. */
  record Parsed(List<Senior> accepted, List<Refused> refused) {}

  private SeniorCsv() {}

  /** @param owner the senior who already owns a phone in the registry, if any */
  static Parsed read(Reader csv, Function<CitizenIdentity.Phone, Optional<SeniorId>> owner) {
    List<Senior> accepted = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    Map<String, Long> ids = new HashMap<>();
    Map<String, String> phones = new HashMap<>();
    try {
      var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
          .setIgnoreEmptyLines(true).get().parse(csv);
      List<String> header = parser.getHeaderNames();
      if (!header.containsAll(COLUMNS.subList(0, 12)) || !header.contains("windows") || !header.contains("mode")
          || !header.contains("enrolled_on")) {
        throw new InvalidInputException("the header must name the columns " + String.join(",", COLUMNS));
      }
      for (CSVRecord row : parser) {
        long line = row.getRecordNumber() + 1;
        if (accepted.size() + refused.size() >= MAX_ROWS) {
          throw new InvalidInputException("a file holds at most " + MAX_ROWS + " seniors");
        }
        try {
          Senior s = senior(row);
          if (ids.putIfAbsent(s.id().value(), line) != null) {
            refused.add(new Refused(line, "id: duplicate of line " + ids.get(s.id().value())));
            continue;
          }
          String clash = clash(s, phones, owner);
          if (clash != null) {
            refused.add(new Refused(line, clash));
            continue;
          }
          s.phones().forEach(p -> phones.put(p.value(), s.id().value()));
          accepted.add(s);
        } catch (InvalidInputException e) {
          refused.add(new Refused(line, e.getMessage()));
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidInputException("the file is not CSV with a header row");
    }
    return new Parsed(accepted, refused);
  }

  private static String clash(Senior s, Map<String, String> phones,
      Function<CitizenIdentity.Phone, Optional<SeniorId>> owner) {
    for (CitizenIdentity.Phone p : s.phones()) {
      String inFile = phones.get(p.value());
      if (inFile != null) {
        return "phones: a number is also given for another senior in this file";
      }
      Optional<SeniorId> registered = owner.apply(p);
      if (registered.isPresent() && !registered.get().equals(s.id())) {
        return "phones: a number belongs to another enrolled senior";
      }
    }
    return null;
  }

  private static Senior senior(CSVRecord row) {
    String consentCalls = field(row, "consent_calls");
    if (!yes(consentCalls, "consent_calls")) {
      throw new InvalidInputException("consent_calls: the senior has not consented to calls");
    }
    return new Senior(new SeniorId(required(row, "id")), required(row, "name"),
        list(field(row, "phones"), ";").stream().map(p -> phone(p, "phones")).toList(), field(row, "address"),
        required(row, "district"), language(field(row, "language")),
        new WelfareConsent(true, yes(field(row, "consent_sms"), "consent_sms"),
            yes(field(row, "consent_sharing"), "consent_sharing"),
            yes(field(row, "consent_emergency"), "consent_emergency"),
            requiredFor(row, "consent_by", "consent: who gave it is missing"),
            instant(requiredFor(row, "consent_at", "consent: when it was given is missing"))),
        list(field(row, "emergency_contacts"), ";").stream().map(SeniorCsv::emergencyContact).toList(),
        field(row, "worker"), blank(field(row, "worker_phone")) ? null : phone(field(row, "worker_phone"), "worker_phone"),
        list(field(row, "windows"), ";").stream().map(CallWindow::parse).toList(), mode(field(row, "mode")),
        field(row, "care_notes"), date(required(row, "enrolled_on"), "enrolled_on"),
        blank(field(row, "ends_on")) ? null : date(field(row, "ends_on"), "ends_on"));
  }

  private static String field(CSVRecord row, String column) {
    return row.isMapped(column) && row.isSet(column) ? row.get(column) : "";
  }

  private static String required(CSVRecord row, String column) {
    return requiredFor(row, column, column + " is missing");
  }

  private static String requiredFor(CSVRecord row, String column, String message) {
    String value = field(row, column);
    if (value.isBlank()) {
      throw new InvalidInputException(message);
    }
    return value;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static List<String> list(String value, String delimiter) {
    return blank(value) ? List.of() : Arrays.stream(value.split(delimiter)).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
  }

  private static boolean yes(String value, String column) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true", "1" -> true;
      case "no", "n", "false", "0", "" -> false;
      default -> throw new InvalidInputException(column + " must be yes or no");
    };
  }

  private static CitizenIdentity.Phone phone(String raw, String column) {
    try {
      return PhoneNumbers.parse(raw);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(column + ": not a phone number");
    }
  }

  private static EmergencyContact emergencyContact(String text) {
    String[] f = text.split("\\|", -1);
    if (f.length != 3) {
      throw new InvalidInputException("emergency_contacts: each reads name|relation|phone");
    }
    return new EmergencyContact(f[0].strip(), f[1].strip(), phone(f[2].strip(), "emergency_contacts"));
  }

  private static Language language(String code) {
    try {
      return blank(code) ? Language.KOREAN : new Language(code.strip().toLowerCase(Locale.ROOT));
    } catch (InvalidInputException e) {
      throw new InvalidInputException("language must be an ISO 639 code like ko or en");
    }
  }

  private static CheckInMode mode(String value) {
    try {
      return blank(value) ? CheckInMode.AUTOMATED : CheckInMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("mode must be AUTOMATED, PREVIEW or SMS");
    }
  }

  private static LocalDate date(String value, String column) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(column + " must be a date like 2026-11-23");
    }
  }

  private static Instant instant(String value) {
    try {
      return value.strip().length() == 10 ? LocalDate.parse(value.strip()).atStartOfDay(java.time.ZoneOffset.UTC)
          .toInstant() : Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("consent_at must be a date or an instant like 2026-11-01T09:00:00Z");
    }
  }
}
