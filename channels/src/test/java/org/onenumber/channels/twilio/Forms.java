package org.onenumber.channels.twilio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads recorded Twilio webhook bodies from test resources. */
final class Forms {

  private Forms() {}

  static Map<String, String> recorded(String name) {
    try (InputStream in = Forms.class.getResourceAsStream("/twilio/" + name)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> parse(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return form;
  }
}
