package org.onenumber.channels.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filters of {@code GET requests}, read as the specification says:
 *
 * <ol>
 *   <li>{@code service_request_id}, comma-delimited, overrides every other argument (at most
 *       {@value #LIMIT} ids).
 *   <li>{@code service_code} and {@code status} are comma-delimited and may repeat; empty means all.
 *       A status other than {@code open} or {@code closed} is 400.
 *   <li>{@code start_date} and {@code end_date} are W3C datetimes with a zone (else 400) and bound
 *       {@code requested_datetime}, both inclusive. Neither: the most recent 90 days. Only one:
 *       90 days from or up to it. More than 90 days apart, or the end before the start: 400.
 *   <li>At most {@value #LIMIT} requests are returned, newest first.
 * </ol>
 *
 * @param ids the requested ids; when not empty the other filters are ignored
 * @param statuses {@code open} and/or {@code closed}; empty for both
 */
public record RequestQuery(List<String> ids, List<String> serviceCodes, Instant from, Instant to,
    Set<String> statuses, int limit) {

  /** The specification's default and our maximum response size. */
  public static final int LIMIT = 1_000;
  /** The widest window the specification allows. */
  public static final Duration WINDOW = Duration.ofDays(90);

  public RequestQuery {
    ids = List.copyOf(ids);
    serviceCodes = List.copyOf(serviceCodes);
    statuses = Set.copyOf(statuses);
  }

  /**
   * @param now the server's clock, for the default window
   * @throws GeoReportError 400 when a filter is malformed, 404 for another jurisdiction
   */
  public static RequestQuery parse(Map<String, List<String>> params, Instant now, String jurisdiction) {
    String j = FormBody.first(params, "jurisdiction_id");
    if (j != null && !j.equalsIgnoreCase(jurisdiction)) {
      throw GeoReportError.notFound("jurisdiction_id was not found: this endpoint serves one jurisdiction");
    }
    List<String> ids = listed(params, "service_request_id");
    if (ids.size() > LIMIT) {
      throw GeoReportError.badRequest("at most " + LIMIT + " service_request_id values at once");
    }
    Set<String> statuses = new LinkedHashSet<>();
    for (String s : listed(params, "status")) {
      String status = s.toLowerCase(Locale.ROOT);
      if (!status.equals("open") && !status.equals("closed")) {
        throw GeoReportError.badRequest("status must be open or closed");
      }
      statuses.add(status);
    }
    Instant start = date(params, "start_date");
    Instant end = date(params, "end_date");
    if (start == null && end == null) {
      end = now;
      start = now.minus(WINDOW);
    } else if (start == null) {
      start = end.minus(WINDOW);
    } else if (end == null) {
      end = start.plus(WINDOW);
    }
    if (end.isBefore(start)) {
      throw GeoReportError.badRequest("end_date is before start_date");
    }
    if (Duration.between(start, end).compareTo(WINDOW) > 0) {
      throw GeoReportError.badRequest("start_date and end_date may not span more than 90 days");
    }
    return new RequestQuery(ids, listed(params, "service_code"), start, end, statuses, LIMIT);
  }

  /** True when {@code status} ({@code open} or {@code closed}) passes the status filter. */
  public boolean admits(String status) {
    return statuses.isEmpty() || statuses.contains(status);
  }

  private static List<String> listed(Map<String, List<String>> params, String name) {
    List<String> out = new ArrayList<>();
    for (String value : params.getOrDefault(name, List.of())) {
      for (String part : value.split(",")) {
        if (!part.isBlank() && !out.contains(part.strip())) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  private static Instant date(Map<String, List<String>> params, String name) {
    String text = FormBody.first(params, name);
    if (text == null) {
      return null;
    }
    try {
      // A '+' offset arrives as a space when the client did not percent-encode it.
      return OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
    } catch (DateTimeParseException e) {
      throw GeoReportError.badRequest(name + " must be a W3C datetime with a zone, like 2010-01-01T00:00:00Z");
    }
  }
}
