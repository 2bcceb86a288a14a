package org.onenumber.ops.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A citizen who texts the city's number, arriving as Twilio delivers an SMS: a form-encoded {@code
 * POST /webhooks/twilio/sms} signed with {@code X-Twilio-Signature} — HMAC-SHA1, keyed with the
 * account's auth token, over the URL followed by every parameter name and value in name order,
 * Base64 (the channels module's {@code TwilioRequestSigner} computes the same; the simulator may
 * not depend on an adapter). The cases:
 *
 * <ol>
 *   <li>Every arrival texts from its own number, so each opens a contact (a second text while one
 *       is open would join it, and the two sides would count differently).
 *   <li>Twilio's answer is empty TwiML, without the contact's id: the body starts with a tag
 *       {@code [s<n>]}, the server makes the body the contact's topic, and the operator's offer,
 *       which carries the topic, names the contact ({@link SimulationLedger#smsOffered}).
 *   <li>A texting citizen does not hang up: the contact waits until an operator takes it.
 * </ol>
 *
 * Stateless apart from the key; thread-safe. A 503 (the server shed the webhook, nothing stored)
 * is sent again, with the same MessageSid, after its {@code Retry-After}, as Twilio would retry,
 * and counted in {@link SimulationLedger#retries}; after {@link Simulation#MAX_TRIES} the citizen
 * gives up ({@link SimulationLedger#gaveUp}). Otherwise a refused or failed webhook counts as
 * rejected or as a call error, one that found no place in its {@link ClientLane} or got no answer
 * in time as the simulator's timeout ({@link SimulationLedger#timeouts}). Each text is sent on the
 * next of the citizens' lanes.
 */
final class SmsCitizen {

  static final String PATH = "webhooks/twilio/sms";
  private final Supplier<ClientLane> lanes;
  private final URI url;
  private final byte[] key;
  private final SimulationLedger ledger;

  SmsCitizen(Supplier<ClientLane> lanes, URI base, String authToken, SimulationLedger ledger) {
    this.lanes = lanes;
    this.url = base.resolve(PATH);
    this.key = authToken.getBytes(StandardCharsets.UTF_8);
    this.ledger = ledger;
  }

  /** The tag that starts message {@code n}'s body (case 2). */
  static String tag(long n) {
    return "[s" + n + "]";
  }

  /** The tag at the start of an offer's topic, or null. */
  static String tagOf(String topic) {
    int end = topic.indexOf(']');
    return topic.startsWith("[s") && end > 2 ? topic.substring(0, end + 1) : null;
  }

  /** As {@link #text(Arrival, long, double, java.util.function.DoubleSupplier)}, acknowledged at {@code at}. */
  void text(Arrival arrival, long n, double at) {
    text(arrival, n, at, () -> at);
  }

  /**
   * Texts the arrival's topic as message {@code n}, sent at trace second {@code at}; opened when
   * the webhook is answered 2xx, on {@code clock} (trace seconds). Returns when the text is settled.
   */
  void text(Arrival arrival, long n, double at, java.util.function.DoubleSupplier clock) {
    textAsync(arrival, n, at, clock).join();
  }

  /**
   * As {@link #text(Arrival, long, double, java.util.function.DoubleSupplier)}, holding no thread:
   * the webhook waits for its place and its answer, and a retry for its {@code Retry-After}, as
   * continuations ({@link ClientLane#sendAsync}, {@link Waits}). Completes (never fails) once every
   * outcome is in the ledger.
   */
  CompletableFuture<Void> textAsync(Arrival arrival, long n, double at, java.util.function.DoubleSupplier clock) {
    Map<String, String> form = new TreeMap<>(Map.of("From", Simulation.phoneOf(arrival.citizen() + "#sms" + n),
        "To", "+8215880120", "Body", tag(n) + " " + arrival.topic(), "MessageSid", "SMsim" + n,
        "AccountSid", "ACsimulator", "NumMedia", "0"));
    StringJoiner body = new StringJoiner("&");
    form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", sign(url.toString(), form))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    ledger.smsSent(tag(n), at);
    return attempt(lanes.get(), request, tag(n), 1, clock).exceptionally(failure -> {
      Throwable cause = OneNumberClient.unwrapped(failure);
      if (cause instanceof ClientLane.TimedOut) {
        ledger.smsTimedOut(tag(n));
      } else {
        ledger.smsRefused(tag(n), false); // the client's IOException, or a client shut down at the end
      }
      return null;
    });
  }

  /** Try {@code tries} of the webhook; a 503 is sent again after its {@code Retry-After}. */
  private CompletableFuture<Void> attempt(ClientLane lane, HttpRequest request, String tag, int tries,
      java.util.function.DoubleSupplier clock) {
    return lane.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenCompose(response -> {
      int status = response.statusCode();
      if (status == 503 && tries < Simulation.MAX_TRIES) {
        ledger.retries.increment();
        return Waits.after(1000 * OneNumberClient.retryAfterSeconds(
            response.headers().firstValue("Retry-After").orElse(null)))
            .thenCompose(v -> attempt(lane, request, tag, tries + 1, clock));
      }
      if (status < 300) {
        ledger.smsAcknowledged(tag, clock.getAsDouble()); // Twilio's 200: the server opened it
      } else if (status == 503) {
        ledger.smsGaveUp(tag); // shed on every try: nothing stored, the citizen gives up
      } else if (status >= 400) {
        ledger.smsRefused(tag, status < 500);
      }
      return CompletableFuture.completedFuture(null);
    });
  }

  String sign(String calledUrl, Map<String, String> params) {
    StringBuilder data = new StringBuilder(calledUrl);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
