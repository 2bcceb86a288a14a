package org.onenumber.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local HTTP server that answers like Twilio's Messages API ({@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json}) and records every request, so that adapters are
 * tested against the real SDK without the internet. Answers 201 with a Message resource (sid
 * {@code SM...}, status {@code queued}), or the error set by {@link #failNext}. Also serves MMS
 * media like Twilio's Media resource: {@code GET} of a path given to {@link #servesMedia} answers
 * the picture when the request carries the account's Basic credentials, 401 otherwise. A message
 * to a number given to {@link #stallTo} is answered only once that stall is released (a slow
 * Twilio); requests are served concurrently, so the others are answered meanwhile. Thread-safe.
 */
public final class FakeTwilioApi implements AutoCloseable {

  /** One request as received: method, path, form parameters (last value wins) and Authorization. */
  public record Recorded(String method, String path, Map<String, List<String>> form, String authorization) {
    public String param(String name) {
      List<String> values = form.get(name);
      return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
  }

  private final HttpServer server;
  private final List<Recorded> requests = new ArrayList<>();
  private int counter;
  private final java.util.ArrayDeque<int[]> failures = new java.util.ArrayDeque<>();
  private final Map<String, byte[]> media = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, String> mediaAuthorization = new java.util.concurrent.ConcurrentHashMap<>();

  public FakeTwilioApi() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind a local port", e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /**
   * The next request not yet told to fail is answered with Twilio's error JSON: {@code status} and
   * Twilio {@code code}. Calls queue up: two calls fail the next two requests, in order.
   */
  public synchronized void failNext(int status, int code) {
    failures.add(new int[] {status, code});
  }

  /**
   * Serves {@code content} at {@code path} (e.g. {@code /2010-04-01/Accounts/AC.../Messages/MM.../Media/ME...})
   * to requests authenticated as {@code accountSid}/{@code authToken}; returns the absolute URL.
   */
  public URI servesMedia(String path, byte[] content, String accountSid, String authToken) {
    media.put(path, content.clone());
    mediaAuthorization.put(path, "Basic " + java.util.Base64.getEncoder().encodeToString(
        (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8)));
    return baseUri().resolve(path);
  }

  /** Stalls messages sent {@code To} one number until {@link #release}. */
  public static final class Stall {
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();

    /** How many requests are being held or were held so far. */
    public int held() {
      return held.get();
    }

    public void release() {
      released.countDown();
    }

    void hold() {
      held.incrementAndGet();
      try {
        released.await(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final Map<String, Stall> stalls = new java.util.concurrent.ConcurrentHashMap<>();

  /** Messages {@code To} this number wait (at most 60 s) until the returned stall is released. */
  public Stall stallTo(String to) {
    Stall stall = new Stall();
    stalls.put(to, stall);
    return stall;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if ("GET".equals(exchange.getRequestMethod()) && media.containsKey(path)) {
      serveMedia(exchange, path);
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, List<String>> form = parse(body);
    Stall stall = stalls.get(first(form, "To"));
    if (stall != null) {
      stall.hold();
    }
    String response;
    int status;
    synchronized (this) {
      requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), form,
          exchange.getRequestHeaders().getFirst("Authorization")));
      int[] failure = failures.poll();
      if (failure != null) {
        status = failure[0];
        response = "{\"code\": " + failure[1] + ", \"message\": \"fake failure " + failure[1] + "\", \"more_info\": "
            + "\"https://www.twilio.com/docs/errors/" + failure[1] + "\", \"status\": " + failure[0] + "}";
      } else {
        status = 201;
        response = message(String.format("SM%032x", ++counter), form, exchange.getRequestURI().getPath());
      }
    }
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void serveMedia(HttpExchange exchange, String path) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    synchronized (this) {
      requests.add(new Recorded("GET", path, Map.of(), authorization));
    }
    boolean allowed = mediaAuthorization.get(path).equals(authorization);
    byte[] body = allowed ? media.get(path) : "{\"code\": 20003, \"status\": 401}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", allowed ? "image/jpeg" : "application/json");
    exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String message(String sid, Map<String, List<String>> form, String path) {
    String account = path.replaceAll(".*/Accounts/([^/]+)/.*", "$1");
    return "{\"sid\": \"" + sid + "\", \"account_sid\": \"" + account + "\", \"to\": \"" + json(first(form, "To"))
        + "\", \"from\": \"" + json(first(form, "From")) + "\", \"body\": \"" + json(first(form, "Body"))
        + "\", \"status\": \"queued\", \"num_segments\": \"1\", \"num_media\": \"0\", \"direction\": \"outbound-api\","
        + " \"api_version\": \"2010-04-01\", \"date_created\": \"Mon, 23 Nov 2026 00:00:00 +0000\","
        + " \"uri\": \"/2010-04-01/Accounts/" + account + "/Messages/" + sid + ".json\"}";
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Map<String, List<String>> parse(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
