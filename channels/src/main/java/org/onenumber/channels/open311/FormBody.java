package org.onenumber.channels.open311;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} body (UTF-8, as the specification requires)
 * into names and their values in order; a name may repeat ({@code attribute[code][]}).
 */
public final class FormBody {

  private FormBody() {}

  /** @throws GeoReportError 400 when a percent escape is malformed */
  public static Map<String, List<String>> decode(String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return params;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decodePart(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodePart(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decodePart(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw GeoReportError.badRequest("the form body is not valid application/x-www-form-urlencoded");
    }
  }

  /** The first non-blank value of {@code name}, stripped, or null (the spec's empty = absent). */
  public static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null) {
      return null;
    }
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
