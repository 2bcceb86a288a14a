package org.onenumber.channels.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated {@code POST requests} form. {@link #parse} checks, in this order, and the first
 * failure is the answer:
 *
 * <ol>
 *   <li>{@code jurisdiction_id}, when given, is this endpoint's; else 404.
 *   <li>{@code service_code} is given (400) and in the catalogue (404).
 *   <li>A location: {@code lat} and {@code long} together, numbers within WGS84's range, or
 *       {@code address_string}, or {@code address_id}; else 400.
 *   <li>{@code description} is at most 4,000 characters (the specification's limit); else 413.
 *   <li>{@code media_url}, when given, is an absolute http or https URL of at most 2,000 characters; else 400.
 *   <li>Every {@code attribute[code]} is one of the service's; required ones are answered; list
 *       answers are among the choices, numbers are numbers, datetimes are W3C datetimes; else 400.
 *   <li>Free-text fields (names, address, ids) are at most 200 characters (address 1,000); else 400.
 * </ol>
 *
 * The api_key is the server's to check before any of this. Error descriptions never repeat the input.
 *
 * @param lat null when the location is an address
 * @param attributes answers by attribute code, in the order sent
 */
public record ServiceRequestSubmission(GeoReportService service, Double lat, Double lon, String addressString,
    String addressId, String email, String deviceId, String accountId, String firstName, String lastName,
    String phone, String description, String mediaUrl, Map<String, List<String>> attributes) {

  /** The specification's limit on a description. */
  public static final int MAX_DESCRIPTION = 4_000;
  static final int MAX_MEDIA_URL = 2_000;
  static final int MAX_FIELD = 200;
  static final int MAX_ADDRESS = 1_000;
  private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]{1,100})\\](\\[\\])?");

  public ServiceRequestSubmission {
    attributes = Map.copyOf(attributes);
  }

  /**
   * @param catalogue finds a service by its code
   * @param jurisdiction this endpoint's jurisdiction_id
   * @throws GeoReportError when a rule above fails
   */
  public static ServiceRequestSubmission parse(Map<String, List<String>> form,
      Function<String, Optional<GeoReportService>> catalogue, String jurisdiction) {
    String j = FormBody.first(form, "jurisdiction_id");
    if (j != null && !j.equalsIgnoreCase(jurisdiction)) {
      throw GeoReportError.notFound("jurisdiction_id was not found: this endpoint serves one jurisdiction");
    }
    String code = FormBody.first(form, "service_code");
    if (code == null) {
      throw GeoReportError.badRequest("service_code was not provided");
    }
    GeoReportService service = catalogue.apply(code)
        .orElseThrow(() -> GeoReportError.notFound("service_code was not found; see services.xml"));
    Double lat = coordinate(form, "lat", 90);
    Double lon = coordinate(form, "long", 180);
    if ((lat == null) != (lon == null)) {
      throw GeoReportError.badRequest("lat and long must be sent together");
    }
    String address = limited(form, "address_string", MAX_ADDRESS);
    String addressId = limited(form, "address_id", MAX_FIELD);
    if (lat == null && address == null && addressId == null) {
      throw GeoReportError.badRequest("a location is required: lat and long, address_string or address_id");
    }
    String description = FormBody.first(form, "description");
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new GeoReportError(413, "description is longer than " + MAX_DESCRIPTION + " characters");
    }
    return new ServiceRequestSubmission(service, lat, lon, address, addressId, limited(form, "email", MAX_FIELD),
        limited(form, "device_id", MAX_FIELD), limited(form, "account_id", MAX_FIELD),
        limited(form, "first_name", MAX_FIELD), limited(form, "last_name", MAX_FIELD),
        limited(form, "phone", MAX_FIELD), description, mediaUrl(FormBody.first(form, "media_url")),
        attributes(form, service));
  }

  /** The reply language the citizen chose ({@link StandardAttributes#LANGUAGE}), or null. */
  public String language() {
    List<String> chosen = attributes.get(StandardAttributes.LANGUAGE);
    return chosen == null || chosen.isEmpty() ? null : chosen.get(0);
  }

  private static Double coordinate(Map<String, List<String>> form, String name, double bound) {
    String text = FormBody.first(form, name);
    if (text == null) {
      return null;
    }
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v) && Math.abs(v) <= bound) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal below
    }
    throw GeoReportError.badRequest(name + " must be a WGS84 number between -" + (int) bound + " and " + (int) bound);
  }

  private static String limited(Map<String, List<String>> form, String name, int max) {
    String v = FormBody.first(form, name);
    if (v != null && v.length() > max) {
      throw GeoReportError.badRequest(name + " is longer than " + max + " characters");
    }
    return v;
  }

  static String mediaUrl(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() > MAX_MEDIA_URL) {
      throw GeoReportError.badRequest("media_url is longer than " + MAX_MEDIA_URL + " characters");
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null) {
        return uri.toString();
      }
    } catch (URISyntaxException e) {
      // falls through to the refusal below
    }
    throw GeoReportError.badRequest("media_url must be an absolute http or https URL");
  }

  private static Map<String, List<String>> attributes(Map<String, List<String>> form, GeoReportService service) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : form.entrySet()) {
      if (!e.getKey().startsWith("attribute[")) {
        continue;
      }
      Matcher m = ATTRIBUTE.matcher(e.getKey());
      ServiceAttribute attribute = m.matches() ? service.attribute(m.group(1)) : null;
      if (attribute == null || !attribute.variable()) {
        throw GeoReportError.badRequest("an attribute is not one of this service's; see its service definition");
      }
      List<String> values = e.getValue().stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
      if (values.isEmpty()) {
        continue;
      }
      answers.computeIfAbsent(attribute.code(), c -> new ArrayList<>()).addAll(values);
    }
    for (ServiceAttribute attribute : service.attributes()) {
      List<String> values = answers.get(attribute.code());
      if (values == null) {
        if (attribute.required() && attribute.variable()) {
          throw GeoReportError.badRequest("attribute " + attribute.code() + " is required");
        }
        continue;
      }
      check(attribute, values);
    }
    return answers;
  }

  private static void check(ServiceAttribute attribute, List<String> values) {
    String refused = "attribute " + attribute.code() + " ";
    if (!attribute.isMultiple() && values.size() > 1) {
      throw GeoReportError.badRequest(refused + "takes one value");
    }
    for (String v : values) {
      if (v.length() > MAX_DESCRIPTION) {
        throw GeoReportError.badRequest(refused + "is too long");
      }
      switch (attribute.datatype()) {
        case "singlevaluelist", "multivaluelist" -> {
          if (!attribute.offers(v)) {
            throw GeoReportError.badRequest(refused + "must be one of its listed keys");
          }
        }
        case "number" -> {
          try {
            Double.parseDouble(v);
          } catch (NumberFormatException e) {
            throw GeoReportError.badRequest(refused + "must be a number");
          }
        }
        case "datetime" -> {
          try {
            OffsetDateTime.parse(v);
          } catch (DateTimeParseException e) {
            throw GeoReportError.badRequest(refused + "must be a W3C datetime with a zone, like 2010-01-01T00:00:00Z");
          }
        }
        case "string" -> {
          if (v.length() > MAX_FIELD || v.indexOf('\n') >= 0) {
            throw GeoReportError.badRequest(refused + "must be one line of at most " + MAX_FIELD + " characters");
          }
        }
        default -> {
          // text: any characters up to the limit checked above
        }
      }
    }
  }
}
