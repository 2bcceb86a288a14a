package org.onenumber.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A local Twilio for voice tests, both directions over real HTTP. As the Calls REST API it answers
 * {@code POST /2010-04-01/Accounts/{sid}/Calls.json} (201, a Call resource {@code CA...}, status
 * {@code queued}) and {@code POST .../Calls/{CallSid}.json} (200 with the updated call; 404 code
 * 20404 for an unknown call; 400 code 21220 for a call already completed, as Twilio does), and
 * records every request. As Twilio's webhook client it posts form parameters signed by the given
 * signer ({@link #post}); {@link #attribute} reads the URLs out of the TwiML answers so that a test
 * follows the chain the server wrote. Thread-safe.
 */
public final class FakeTwilioVoice implements AutoCloseable {

  /** One REST request: method, path, form parameters (last value wins). */
  public record Recorded(String method, String path, Map<String, String> form) {
    public String param(String name) {
      return form.get(name);
    }

    /** The CallSid in an update's path, or null for a create. */
    public String callSid() {
      Matcher m = UPDATE.matcher(path);
      return m.matches() ? m.group(2) : null;
    }
  }

  private static final Pattern CREATE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls\\.json");
  private static final Pattern UPDATE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls/([^/]+)\\.json");

  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final BiFunction<String, Map<String, String>, String> signer;
  private final List<Recorded> requests = new ArrayList<>();
  private final Map<String, String> callStatus = new LinkedHashMap<>();
  private int counter;

  /** @param signer computes {@code X-Twilio-Signature} for a URL and its form parameters */
  public FakeTwilioVoice(BiFunction<String, Map<String, String>, String> signer) {
    this.signer = signer;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind a local port", e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A new inbound call in progress, as Twilio creates it before the first webhook; its CallSid. */
  public synchronized String ring() {
    String sid = String.format("CA%032x", ++counter);
    callStatus.put(sid, "in-progress");
    return sid;
  }

  /** The caller hung up: later updates of the call fail like Twilio's (21220). */
  public synchronized void hangUp(String callSid) {
    callStatus.put(callSid, "completed");
  }

  public synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** The REST updates of one call, oldest first. */
  public synchronized List<Recorded> updatesOf(String callSid) {
    return requests.stream().filter(r -> callSid.equals(r.callSid())).toList();
  }

  /** Posts {@code form} to {@code url} as Twilio does, signed; the status and body. */
  public HttpResponse<String> post(String url, Map<String, String> form) {
    return post(url, form, signer.apply(url, form));
  }

  /** Posts with the given signature (null for none). */
  public HttpResponse<String> post(String url, Map<String, String> form, String signature) {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("User-Agent", "TwilioProxy/1.1")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("webhook to " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of {@code attribute} on the first {@code element} of a TwiML document; null when absent. */
  public static String attribute(String twiml, String element, String attribute) {
    NodeList nodes = parse(twiml).getElementsByTagName(element);
    if (nodes.getLength() == 0) {
      return null;
    }
    String value = ((Element) nodes.item(0)).getAttribute(attribute);
    return value.isEmpty() ? null : value;
  }

  /** The text of the first {@code element} of a TwiML document; null when absent. */
  public static String text(String twiml, String element) {
    NodeList nodes = parse(twiml).getElementsByTagName(element);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  private static Element parse(String twiml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalArgumentException("not TwiML: " + twiml, e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    int status;
    String response;
    synchronized (this) {
      requests.add(new Recorded(exchange.getRequestMethod(), path, form));
      Matcher create = CREATE.matcher(path);
      Matcher update = UPDATE.matcher(path);
      if (create.matches()) {
        String sid = String.format("CA%032x", ++counter);
        callStatus.put(sid, "queued");
        status = 201;
        response = call(create.group(1), sid, form.getOrDefault("To", ""), form.getOrDefault("From", ""), "queued");
      } else if (update.matches() && !callStatus.containsKey(update.group(2))) {
        status = 404;
        response = error(20404, "The requested resource " + path + " was not found", 404);
      } else if (update.matches() && "completed".equals(callStatus.get(update.group(2)))) {
        status = 400;
        response = error(21220, "Call is not in-progress. Cannot redirect.", 400);
      } else if (update.matches()) {
        String next = "completed".equals(form.get("Status")) ? "completed" : "in-progress";
        callStatus.put(update.group(2), next);
        status = 200;
        response = call(update.group(1), update.group(2), "", "", next);
      } else {
        status = 404;
        response = error(20404, "The requested resource " + path + " was not found", 404);
      }
    }
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String call(String account, String sid, String to, String from, String status) {
    return "{\"sid\": \"" + sid + "\", \"account_sid\": \"" + account + "\", \"to\": \"" + to + "\", \"from\": \""
        + from + "\", \"status\": \"" + status + "\", \"direction\": \"outbound-api\", \"api_version\": \"2010-04-01\","
        + " \"date_created\": \"Tue, 01 Dec 2026 00:00:00 +0000\", \"date_updated\": \"Tue, 01 Dec 2026 00:00:00 +0000\","
        + " \"price_unit\": \"USD\", \"uri\": \"/2010-04-01/Accounts/" + account + "/Calls/" + sid + ".json\"}";
  }

  private static String error(int code, String message, int status) {
    return "{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\": "
        + "\"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}";
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (!body.isEmpty()) {
      for (String pair : body.split("&")) {
        String[] kv = pair.split("=", 2);
        form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return form;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
