package org.onenumber.server.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.onenumber.channels.twilio.TwilioRequestSigner;

/**
 * Load that remembers what the server acknowledged: threads posting signed Twilio SMS webhooks
 * (each from its own phone number, with its own MessageSid) and threads posting contacts to the
 * intake, each waiting for its answer before the next. A 2xx is an acknowledgement; anything
 * else, or a broken connection, leaves the item unacknowledged (a webhook is kept for a retry, as
 * Twilio would retry it; an intake post carries an {@code Idempotency-Key} and is sent again with
 * it after a 503, and is remembered by its topic, which is unique).
 * Every answer's status is counted, and a 503 without {@code Retry-After}. A thread ends at
 * {@link #stop} or when the server stops answering.
 * Every request's latency is kept for {@link #percentileMillis}. Thread-safe.
 */
public final class AckedLoad {

  public static final String SMS_PATH = "/webhooks/twilio/sms";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  /** One inbound message as Twilio posts it. */
  public record Webhook(String sid, String phone, Map<String, String> form) {}

  private final URI server;
  private final TwilioRequestSigner signer = new TwilioRequestSigner(ServerProcess.TOKEN);
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final Set<Webhook> ackedWebhooks = ConcurrentHashMap.newKeySet();
  private final Set<Webhook> unackedWebhooks = ConcurrentHashMap.newKeySet();
  private final Map<Webhook, Long> refusedWebhooks = new ConcurrentHashMap<>();
  private final Set<String> ackedContacts = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> refusedIntakeTopics = new ConcurrentHashMap<>();
  private final Set<String> intakeTopics = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final AtomicInteger unavailableWithoutRetryAfter = new AtomicInteger();
  private final List<long[]> latencies = new ArrayList<>();
  private final String run;
  private volatile boolean english;
  private volatile boolean behindBalancer;
  /** Each thread's time between sends when paced ({@link #paced}); 0: each sends as soon as its last was answered. */
  private volatile long intervalNanos;
  private volatile int threadCount;

  /** @param run a short tag that keeps this run's SIDs and phone numbers apart from other runs' */
  public AckedLoad(URI server, String run) {
    this.server = server;
    this.run = run;
  }

  /** Webhook texts in English (routed to {@code english}) instead of Korean (messaging-ko); call before {@link #start}. */
  public AckedLoad inEnglish() {
    english = true;
    return this;
  }

  /**
   * Posting through a load balancer: a request that gets no answer (its node died under it) is
   * counted as status 0 and the thread goes on with the next, through the balancer to another node,
   * instead of ending as it does when its one server died. Call before {@link #start}.
   */
  public AckedLoad behindBalancer() {
    behindBalancer = true;
    return this;
  }

  /**
   * Each thread sends {@code perSecond} requests a second at fixed times (open loop) instead of one after the
   * other; a request's latency counts from when it was due, so a send that waits behind a slow one is charged
   * the wait (no coordinated omission). Call before {@link #start}.
   */
  public AckedLoad paced(double perSecond) {
    intervalNanos = Math.round(1e9 / perSecond);
    return this;
  }

  /** Starts {@code webhookThreads} webhook posters and {@code intakeThreads} intake posters. */
  public AckedLoad start(int webhookThreads, int intakeThreads) {
    threadCount = webhookThreads + intakeThreads;
    for (int t = 0; t < webhookThreads + intakeThreads; t++) {
      int index = t;
      boolean webhooks = t < webhookThreads;
      long[] times = new long[1 << 20];
      latencies.add(times);
      Thread thread = new Thread(() -> drive(index, webhooks, times), "acked-load-" + t);
      threads.add(thread);
      thread.start();
    }
    return this;
  }

  public void stop() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(30));
    }
  }

  public int acknowledged() {
    return ackedWebhooks.size() + ackedContacts.size();
  }

  public Set<Webhook> ackedWebhooks() {
    return Set.copyOf(ackedWebhooks);
  }

  public Set<Webhook> unackedWebhooks() {
    return Set.copyOf(unackedWebhooks);
  }

  /**
   * Webhooks answered 503 (a subset of the unacknowledged ones) whose request was sent after
   * {@code nanoTime} (or, with {@code after} false, before it: possibly in flight at a cut, when
   * the commit's outcome is unknown to the server too).
   */
  public Set<Webhook> refusedWebhooks(long nanoTime, boolean after) {
    return sentAfter(refusedWebhooks, nanoTime, after);
  }

  public Set<String> ackedContacts() {
    return Set.copyOf(ackedContacts);
  }

  /** The topic of every intake post (each unique), acknowledged or not. */
  public Set<String> intakeTopics() {
    return Set.copyOf(intakeTopics);
  }

  /**
   * Topics of intake posts whose first 503 was sent after {@code nanoTime} (or before it), as
   * {@link #refusedWebhooks}; each was sent again under its key until acknowledged.
   */
  public Set<String> refusedIntakeTopics(long nanoTime, boolean after) {
    return sentAfter(refusedIntakeTopics, nanoTime, after);
  }

  private static <T> Set<T> sentAfter(Map<T, Long> sent, long nanoTime, boolean after) {
    return sent.entrySet().stream().filter(e -> e.getValue() - nanoTime > 0 == after).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** How many answers had each HTTP status. */
  public Map<Integer, Integer> statuses() {
    Map<Integer, Integer> copy = new TreeMap<>();
    statuses.forEach((status, n) -> copy.put(status, n.get()));
    return copy;
  }

  /** 503 answers that did not say when to retry. */
  public int unavailableWithoutRetryAfter() {
    return unavailableWithoutRetryAfter.get();
  }

  private int counted(HttpResponse<?> response) {
    int status = response.statusCode();
    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    if (status == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
      unavailableWithoutRetryAfter.incrementAndGet();
    }
    return status;
  }

  /** The latency below which {@code percent} of the requests were answered, in milliseconds. */
  public double percentileMillis(double percent) {
    long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0)).sorted().toArray();
    return all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) Math.ceil(percent / 100 * all.length) - 1)] / 1e6;
  }

  private void drive(int thread, boolean webhooks, long[] times) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    long interval = intervalNanos;
    long origin = System.nanoTime() + (interval == 0 ? 0 : interval * thread / threadCount); // staggered
    for (int seq = 0; running.get() && seq < times.length; seq++) {
      long started = System.nanoTime();
      if (interval > 0) {
        started = origin + seq * interval;
        LockSupport.parkNanos(started - System.nanoTime());
      }
      boolean answered = webhooks ? webhook(http, thread, seq) : intake(http, thread, seq);
      times[seq] = System.nanoTime() - started;
      if (!answered) {
        return;
      }
    }
  }

  private boolean webhook(HttpClient http, int thread, int seq) {
    String phone = "+82107" + String.format("%01d%02d%04d", thread % 10, Math.floorMod(run.hashCode(), 100), seq % 10_000);
    String sid = "SM" + String.format("%-8s", run).replace(' ', '0') + String.format("%02d%020d", thread, seq);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("MessageSid", sid);
    form.put("SmsSid", sid);
    form.put("AccountSid", ServerProcess.ACCOUNT);
    form.put("From", phone);
    form.put("To", "+8215880120");
    form.put("Body", (english ? "Lost property test " : "분실 시험 ") + run + " " + thread + "/" + seq); // the script picks the queue
    form.put("NumMedia", "0");
    Webhook webhook = new Webhook(sid, phone, form);
    unackedWebhooks.add(webhook);
    long sent = System.nanoTime();
    try {
      int status = send(http, webhook);
      if (status / 100 == 2) {
        unackedWebhooks.remove(webhook);
        ackedWebhooks.add(webhook);
      } else if (status == 503) {
        refusedWebhooks.put(webhook, sent);
      }
      return true;
    } catch (IOException e) {
      return noAnswer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A request without an answer: the thread ends, unless {@link #behindBalancer} (then counted as status 0). */
  private boolean noAnswer() {
    if (behindBalancer) {
      statuses.computeIfAbsent(0, s -> new AtomicInteger()).incrementAndGet();
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    return behindBalancer && running.get();
  }

  /** Posts one webhook, signed for this server; returns the status. */
  public int send(HttpClient http, Webhook webhook) throws IOException, InterruptedException {
    return sendTo(server, http, webhook);
  }

  /** Posts one webhook to {@code target} (another node of the cluster), signed for it; returns the status. */
  public int sendTo(URI target, HttpClient http, Webhook webhook) throws IOException, InterruptedException {
    String url = target.resolve(SMS_PATH).toString();
    String body = webhook.form().entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", signer.sign(url, webhook.form()))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return counted(http.send(request, HttpResponse.BodyHandlers.discarding()));
  }

  /**
   * One intake post under its own {@code Idempotency-Key}, sent again with the same key after
   * each 503 (waiting {@code Retry-After}, at most 5 s) until it is acknowledged or the load stops:
   * a 503 whose commit landed at a cut must not become a second contact.
   */
  private boolean intake(HttpClient http, int thread, int seq) {
    String phone = "010-6" + String.format("%01d%02d-%04d", thread % 10, Math.floorMod(run.hashCode(), 100), seq % 10_000);
    String topic = "acked load " + run + " " + thread + "/" + seq;
    String key = "acked-load-" + run + "-" + thread + "-" + seq;
    String body = "{\"channel\":\"VOICE\",\"phone\":\"" + phone + "\",\"language\":\"ko\","
        + "\"topic\":\"" + topic + "\"}";
    HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/v1/contacts")).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    intakeTopics.add(topic);
    try {
      while (true) {
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        if (counted(response) / 100 == 2 && id.find()) {
          ackedContacts.add(id.group(1));
          return true;
        }
        if (response.statusCode() != 503 || !running.get()) {
          return true;
        }
        refusedIntakeTopics.putIfAbsent(topic, sent);
        long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
        Thread.sleep(Duration.ofSeconds(Math.clamp(seconds, 1, 5)));
      }
    } catch (IOException e) {
      return noAnswer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
