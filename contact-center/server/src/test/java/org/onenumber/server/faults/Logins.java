package org.onenumber.server.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs a demo account in over {@code POST /login} (password {@code demo1234}) for the fault tests. */
final class Logins {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private Logins() {}

  /** The account's access token; {@link IllegalStateException} with the answer when the login fails. */
  static String token(HttpClient http, URI server, String username) throws IOException, InterruptedException {
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(server.resolve("/login"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"demo1234\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = ACCESS_TOKEN.matcher(login.body());
    if (!m.find()) {
      throw new IllegalStateException(username + " could not log in: " + login.statusCode() + " " + login.body());
    }
    return m.group(1);
  }
}
