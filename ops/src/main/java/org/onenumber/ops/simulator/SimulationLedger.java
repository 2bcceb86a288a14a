package org.onenumber.ops.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator saw happen to each contact, in trace seconds: opened, answered (offer
 * accepted), abandoned, closed with which outcome. The client-side view of the figures, kept to
 * compare with what the server reports. Both of a contact's instants are stamped at the same end
 * of a round trip, when the server <em>acknowledged</em> it, the closest the simulator observes the
 * instants the server journals (its {@code queued_at} and its CONNECTED, each stamped while it
 * handles the request, before it commits and answers):
 *
 * <ul>
 *   <li>opened: the reply to the contact's {@code POST} (API, web form), the chat's {@code ack} of
 *       the first message, the webhook's answer to the text (Twilio's 200), the FastAGI session's
 *       first command after the caller's last menu key (the IVR opened the contact before sending it);
 *   <li>answered: the reply to the operator's accept; for a call, the end of the operator's leg
 *       script (the server journaled the answer before it let {@code Dial} bridge).
 * </ul>
 *
 * So the simulator's wait is the server's plus the difference of two answer legs (the accept's
 * minus the open's), within one round trip; sent-side stamps (session 12) differed by the two
 * request legs, which a queue in the server's intake makes the longer ones. The day's end ({@link
 * #closeDay}) finishes every contact still waiting. Thread-safe without one lock for all: operators,
 * citizens and the dispatcher write concurrently, and each change to a contact is one atomic update
 * of its key ({@link ConcurrentHashMap#compute}: what the operator saw before the citizen's side had
 * the contact is kept and merged under the same key's update; a text's state under its tag's); the
 * counters are {@link LongAdder}s. Session 14's one monitor had ~60 threads waiting for it on New
 * York's day.
 */
public final class SimulationLedger {

  /** One contact; times in trace seconds since the start, NaN until they happen. */
  static final class Entry {
    /** When the server acknowledged the contact; a text's is set once Twilio's 200 came ({@link #smsAcknowledged}). */
    volatile double openedAt;
    /**
     * The service-level threshold of the contact's queue, NaN when unknown (the summary's T); for a
     * chat, known once an operator is offered it (the server picks its queue).
     */
    volatile double thresholdSeconds;
    /** The citizen gave up waiting (whatever the server made of it). */
    volatile boolean citizenLeft;
    volatile double answeredAt = Double.NaN;
    volatile double abandonedAt = Double.NaN;
    volatile String outcome;
    /** The citizen gave up but the server refused the abandon; nothing more will happen here. */
    volatile boolean unreported;
    /** Answered, but the operator's close was refused or failed; nothing more will happen here. */
    volatile boolean closeFailed;
    /**
     * The citizen hung up while the operator's accept was on its way and the server took the
     * accept first: answered, then ended by the citizen (the operator's wrap-up finds it gone).
     */
    volatile boolean hungUpAfterAnswer;
    /** A phone call through the FastAGI IVR ({@link VoiceCitizen}), known by its contact id. */
    volatile boolean call;
    /** The contact's channel as the server names it ({@code VOICE}, {@code CHAT}...); null if unknown. */
    volatile String channel;

    Entry(double openedAt, double thresholdSeconds) {
      this.openedAt = openedAt;
      this.thresholdSeconds = thresholdSeconds;
    }
  }

  final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile Map<String, Double> thresholds = Map.of();
  /** Thresholds of offers that named a contact before it was opened here; changed under the contact's key. */
  private final Map<String, Double> offeredBeforeOpened = new ConcurrentHashMap<>();
  /**
   * What the operator saw happen to a contact before the citizen's side had it (the accept's reply
   * came before the chat's ack or the {@code POST}'s reply, whose stamps are now the server's
   * acknowledgements): its answer, close or failed close, applied when it is opened. Before, such an
   * answer was dropped and the contact counted as waiting (Seoul at 400×: answered 5831 / 5837).
   */
  private final Map<String, Entry> beforeOpened = new ConcurrentHashMap<>();

  /**
   * A text sent ({@link SmsCitizen}), under its tag until both its webhook's answer and an offer
   * naming its contact came: {@code at} the trace second sent, then acknowledged; {@code contactId}
   * once an offer named it (it is then an entry, no longer pending).
   */
  private static final class Text {
    double at;
    boolean answered;
    String contactId;

    Text(double at) {
      this.at = at;
    }
  }

  /** The texts by tag, each changed only in an atomic update of its tag ({@link ConcurrentHashMap#compute}). */
  private final ConcurrentHashMap<String, Text> texts = new ConcurrentHashMap<>();
  /** Texts sent whose contact no offer has named yet (those of {@link #texts} without a contact id). */
  private final AtomicLong pendingSms = new AtomicLong();
  /**
   * Completed at the day's end ({@link #closeDay}): every citizen still waiting gives up at once (a
   * caller hangs up, a chat leaves, an API citizen reports the abandon), a caller between a busy
   * line and the redial does not call again.
   */
  final java.util.concurrent.CompletableFuture<Void> dayOver = new java.util.concurrent.CompletableFuture<>();
  final LongAdder rejected = new LongAdder();
  final LongAdder errors = new LongAdder();
  /**
   * Citizens' requests the simulator itself could not carry in time: no place in their {@link
   * ClientLane} within its wait, or no answer within the request's timeout (also counted in {@link
   * #errors}). Not the server's refusals: a run with timeouts measured the simulator, too.
   */
  final LongAdder timeouts = new LongAdder();
  /** {@link #timeouts} by the citizen's channel ({@code VOICE}, {@code CHAT}, {@code SMS}, {@code WEB_FORM}...). */
  private final Map<String, LongAdder> timeoutsByChannel = new ConcurrentHashMap<>();
  /**
   * Sends the server answered "retry later" (503 with {@code Retry-After}, or a chat {@code
   * unavailable} frame: admission control shed it, nothing was stored), each sent again after the
   * hint as Twilio and browsers do.
   */
  final LongAdder retries = new LongAdder();
  /**
   * Calls made again after the IVR said {@code lines-busy} and hung up (admission control: the call
   * never became a contact, on either side); see {@link Redials}.
   */
  final LongAdder redials = new LongAdder();
  /**
   * Citizens who gave up after being turned away busy on every try (a caller after the last redial,
   * a chat or text after {@link Simulation#MAX_TRIES} sends answered 503): no contact on either side.
   */
  final LongAdder gaveUp = new LongAdder();
  /**
   * Callers on the phone line now, from dialling (before the IVR has made their call a contact, or
   * between a busy call and a redial) to the end of their last call: the day is not over for them.
   */
  final AtomicLong phoning = new AtomicLong();
  /**
   * Chat, text and API citizens dispatched whose run has not ended: counted before their run
   * starts, so the day cannot look over before their contact is in the ledger (the race the
   * calls had, {@link #phoning}).
   */
  final AtomicLong arriving = new AtomicLong();
  /**
   * Operators who missed an offer (the server pushed NOT_RESPONDING) and pressed Available again, as
   * the operator model says ({@link SimulatedOperator}); {@link #stuckNotResponding}: those whose
   * presses all failed (they stay NOT_RESPONDING until the next push).
   */
  final LongAdder backFromMiss = new LongAdder();
  final LongAdder stuckNotResponding = new LongAdder();
  /** Operators' sockets that got a renewed token in-band ({@link SimulatedOperator} case 7). */
  final LongAdder socketRenewals = new LongAdder();
  /** Operators' sockets closed 4401 (token expired) and opened again with a renewed token. */
  final LongAdder socketReconnects = new LongAdder();

  /** How many times operators' sockets were renewed in-band ({@link #socketRenewals}). */
  public long socketRenewalCount() {
    return socketRenewals.sum();
  }

  /** How many times operators' sockets were reconnected after a 4401 ({@link #socketReconnects}). */
  public long socketReconnectCount() {
    return socketReconnects.sum();
  }
  /** Accepts the server refused, by HTTP status (an offer withdrawn or timed out: 404/409). */
  final Map<Integer, AtomicLong> refusedAccepts = new ConcurrentHashMap<>();

  /** Calls made again after a busy line ({@link #redials}). */
  public long redials() {
    return redials.sum();
  }

  /** Citizens who gave up turned away busy on every try ({@link #gaveUp}). */
  public long gaveUp() {
    return gaveUp.sum();
  }

  /** Calls that failed or were refused (a close after the citizen hung up, a lost accept reply...). */
  public long callErrors() {
    return errors.sum();
  }

  void opened(String contactId, double at) {
    opened(contactId, at, Double.NaN);
  }

  /**
   * A text was sent ({@link SmsCitizen}) at trace second {@code at}: offered, waiting under its tag
   * until an operator's offer names its contact.
   */
  void smsSent(String tag, double at) {
    texts.compute(tag, (k, t) -> {
      if (t == null || t.contactId != null) {
        pendingSms.incrementAndGet();
      }
      return new Text(at);
    });
  }

  /**
   * The text tagged {@code tag} opened nothing (shed on every try, not sent in time, refused): gone
   * from the pending texts; {@code count} counts it, unless an offer had named it already.
   */
  private void smsEnded(String tag, Runnable count) {
    texts.compute(tag, (k, t) -> {
      if (t != null && t.contactId == null) {
        pendingSms.decrementAndGet();
        count.run();
      }
      return null;
    });
  }

  /** The citizen gave up on the text after every send was answered 503: it opened nothing. */
  void smsGaveUp(String tag) {
    smsEnded(tag, gaveUp::increment);
  }

  /** The simulator could not send the text in time ({@link #timeouts}): it opened nothing. */
  void smsTimedOut(String tag) {
    smsEnded(tag, () -> timedOut("SMS"));
  }

  /**
   * A {@code channel} citizen's request the simulator could not carry in time: an error and a
   * {@link #timeouts timeout}, counted by channel.
   */
  void timedOut(String channel) {
    timeouts.increment();
    timeoutsByChannel.computeIfAbsent(channel, k -> new LongAdder()).increment();
    errors.increment();
  }

  /** The simulator's own timeouts ({@link #timeouts}). */
  public long timeouts() {
    return timeouts.sum();
  }

  /** The simulator's own timeouts of {@code channel}'s citizens. */
  public long timeouts(String channel) {
    LongAdder n = timeoutsByChannel.get(channel);
    return n == null ? 0 : n.sum();
  }

  /**
   * The simulator's own timeouts by channel in name order, e.g. {@code CHAT:3,WEB_FORM:12}; {@code
   * none} without any.
   */
  public String timeoutsByChannel() {
    java.util.StringJoiner line = new java.util.StringJoiner(",");
    new TreeMap<>(timeoutsByChannel).forEach((channel, n) -> line.add(channel + ":" + n.sum()));
    return line.length() == 0 ? "none" : line.toString();
  }

  /** The webhook was refused (4xx: rejected) or failed: the text opened nothing. */
  void smsRefused(String tag, boolean rejectedByServer) {
    smsEnded(tag, (rejectedByServer ? rejected : errors)::increment);
  }

  /** An operator was offered the text tagged {@code tag} as contact {@code contactId}. */
  void smsOffered(String tag, String contactId) {
    texts.compute(tag, (k, t) -> {
      if (t == null || t.contactId != null) {
        return t;
      }
      pendingSms.decrementAndGet();
      opened(contactId, t.at, Double.NaN, "SMS");
      if (t.answered) {
        return null; // both came: nothing more to keep
      }
      t.contactId = contactId;
      return t;
    });
  }

  /**
   * The webhook of the text tagged {@code tag} was answered 2xx at trace second {@code at}: the
   * server had opened its contact then (its arrival, also when an offer named it first).
   */
  void smsAcknowledged(String tag, double at) {
    texts.compute(tag, (k, t) -> {
      if (t == null) {
        return null;
      }
      if (t.contactId == null) {
        t.at = at;
        t.answered = true;
        return t;
      }
      entries.computeIfPresent(t.contactId, (id, e) -> {
        e.openedAt = at;
        return e;
      });
      return null;
    });
  }

  /** Each queue's service-level threshold in seconds ({@code GET /api/v1/queues}). */
  void useThresholds(Map<String, Double> byQueue) {
    thresholds = Map.copyOf(byQueue);
  }

  /** The threshold of {@code queue}, NaN when unknown. */
  double thresholdOf(String queue) {
    return thresholds.getOrDefault(queue, Double.NaN);
  }

  /**
   * An operator was offered the contact in {@code queue}: its threshold, if not known yet (kept
   * for {@link #opened} when the offer came before the citizen's side knew the contact's id).
   */
  void offeredIn(String contactId, String queue) {
    entries.compute(contactId, (k, e) -> {
      if (e == null) {
        offeredBeforeOpened.put(contactId, thresholdOf(queue));
      } else if (Double.isNaN(e.thresholdSeconds)) {
        e.thresholdSeconds = thresholdOf(queue);
      }
      return e;
    });
  }

  /**
   * A call's contact became known ({@link VoiceCitizen}: the server's {@code Dial} names it): the
   * entry kept under the call's own key since it was opened moves to the contact's id, with the
   * threshold of an offer that named the contact first. Nothing happens when already moved.
   */
  void callIsContact(String callKey, String contactId) {
    Entry e = entries.remove(callKey);
    if (e == null) {
      return;
    }
    entries.compute(contactId, (k, already) -> {
      if (already != null) {
        return already;
      }
      Double offered = offeredBeforeOpened.remove(contactId);
      if (Double.isNaN(e.thresholdSeconds) && offered != null) {
        e.thresholdSeconds = offered;
      }
      return e;
    });
  }

  /** Whether {@code contactId} is a phone call through the FastAGI IVR. */
  boolean isCall(String contactId) {
    Entry e = entries.get(contactId);
    return e != null && e.call;
  }

  /** A phone call through the FastAGI IVR was opened, under its own key until its contact is known. */
  void callOpened(String callKey, double at) {
    opened(callKey, at, Double.NaN, "VOICE", true);
  }

  /** Opened in a queue whose service-level threshold is {@code thresholdSeconds} (NaN: unknown). */
  void opened(String contactId, double at, double thresholdSeconds) {
    opened(contactId, at, thresholdSeconds, null);
  }

  /** As {@link #opened(String, double, double)}, on {@code channel} (the server's name of it). */
  void opened(String contactId, double at, double thresholdSeconds, String channel) {
    opened(contactId, at, thresholdSeconds, channel, false);
  }

  private void opened(String contactId, double at, double thresholdSeconds, String channel, boolean call) {
    entries.compute(contactId, (k, already) -> {
      Double offered = offeredBeforeOpened.remove(contactId);
      Entry early = beforeOpened.remove(contactId);
      if (already != null) {
        return already;
      }
      Entry e = new Entry(at, Double.isNaN(thresholdSeconds) && offered != null ? offered : thresholdSeconds);
      e.channel = channel;
      e.call = call;
      if (early != null) {
        e.answeredAt = early.answeredAt;
        e.outcome = early.outcome;
        e.closeFailed = early.closeFailed;
      }
      return e;
    });
  }

  /**
   * Applies {@code change} to the contact's entry, or (not yet opened here) to the one keeping what
   * the operator saw until it is ({@link #beforeOpened}), in one atomic update of the contact's key.
   */
  private void update(String contactId, java.util.function.Consumer<Entry> change) {
    entries.compute(contactId, (k, e) -> {
      change.accept(e != null ? e : beforeOpened.computeIfAbsent(contactId, id -> new Entry(Double.NaN, Double.NaN)));
      return e;
    });
  }

  /**
   * The server accepted an offer: the server is the truth, so an abandon the citizen was still
   * trying to report is void.
   */
  void answered(String contactId, double at) {
    update(contactId, e -> {
      if (Double.isNaN(e.answeredAt)) {
        e.answeredAt = at;
        e.abandonedAt = Double.NaN;
      }
    });
  }

  /** True when the contact was still waiting, so the citizen may hang up. */
  boolean abandoning(String contactId, double at) {
    boolean[] waiting = {false};
    entries.computeIfPresent(contactId, (k, e) -> {
      if (Double.isNaN(e.answeredAt) && Double.isNaN(e.abandonedAt)) {
        e.abandonedAt = at;
        e.citizenLeft = true;
        waiting[0] = true;
      }
      return e;
    });
    return waiting[0];
  }

  /**
   * The server answered the citizen's hang-up with a state other than ABANDONED: it had connected
   * the contact (the accept won the race), so it counts as answered and the call is over.
   */
  void hungUpAfterAnswerReported(String contactId) {
    entries.computeIfPresent(contactId, (k, e) -> {
      e.abandonedAt = Double.NaN;
      e.hungUpAfterAnswer = true;
      return e;
    });
  }

  /**
   * Whether the citizen gave up waiting: an operator's wrap-up that then finds the contact gone
   * (404) lost the race to the citizen's hang-up or {@code leave}, which ended the connected contact.
   */
  boolean citizenLeft(String contactId) {
    Entry e = entries.get(contactId);
    return e != null && e.citizenLeft;
  }

  void abandonFailed(String contactId) {
    entries.computeIfPresent(contactId, (k, e) -> {
      if (Double.isNaN(e.answeredAt)) {
        e.abandonedAt = Double.NaN;
        e.unreported = true;
      }
      return e;
    });
  }

  /**
   * Every contact is closed, abandoned, given up on without the server taking the abandon,
   * answered with a close that failed, or hung up on after the server connected it; and no caller
   * is still on the phone line (in the IVR's menus, or to call again after a busy line).
   */
  boolean settled() {
    return (pendingSms.get() == 0 || dayOver.isDone()) && phoning.get() == 0 && arriving.get() == 0
        && entries.values().stream().allMatch(this::ended);
  }

  /**
   * Whether nothing more will happen to the contact here (see {@link #settled}); after the day's
   * end also a text nobody answered: a text cannot be taken back, it waits on both sides.
   */
  private boolean ended(Entry e) {
    return e.outcome != null || !Double.isNaN(e.abandonedAt) || (e.unreported && Double.isNaN(e.answeredAt))
        || e.closeFailed || e.hungUpAfterAnswer
        || dayOver.isDone() && "SMS".equals(e.channel) && Double.isNaN(e.answeredAt);
  }

  /**
   * The day's end: {@link #dayOver} completes, and every citizen still waiting gives up now, so the
   * day ends the same way whatever the load (before, the simulator stopped counting with callers
   * still on hold, whose hang-ups the server then journaled as abandons).
   */
  void closeDay() {
    dayOver.complete(null);
  }

  /**
   * What keeps the day open, e.g. {@code VOICE: 2 waiting, 1 in conversation; 3 callers still on the
   * line}: per channel the contacts neither answered nor given up, and those answered but not
   * closed; texts no offer has named; callers whose calls are not over ({@link #phoning}) and chat,
   * text and API citizens whose runs are not ({@link #arriving}). Empty when
   * {@link #settled}.
   */
  String stillOpen() {
    SortedMap<String, long[]> byChannel = new TreeMap<>();
    entries.values().stream().filter(e -> !ended(e)).forEach(e -> byChannel.computeIfAbsent(
        e.channel == null ? "?" : e.channel, k -> new long[2])[Double.isNaN(e.answeredAt) ? 0 : 1]++);
    java.util.StringJoiner open = new java.util.StringJoiner("; ");
    byChannel.forEach((channel, n) -> open.add(channel + ": " + n[0] + " waiting, " + n[1] + " in conversation"));
    if (pendingSms.get() > 0 && !dayOver.isDone()) {
      open.add(pendingSms.get() + " texts no offer named");
    }
    if (phoning.get() > 0) {
      open.add(phoning.get() + " callers still on the line (or to call again)");
    }
    if (arriving.get() > 0) {
      open.add(arriving.get() + " chat, text and API citizens still at it");
    }
    return open.toString();
  }

  void closeFailed(String contactId) {
    update(contactId, e -> e.closeFailed = true);
  }

  void closed(String contactId, String outcome) {
    update(contactId, e -> e.outcome = outcome);
  }

  /**
   * Figures as the citizens experienced them; a contact's wait counts against its queue's
   * threshold when known (as the server counts it), else against {@code thresholdSeconds}. Texts
   * no offer has named yet count as offered and waiting.
   */
  public Summary summary(double thresholdSeconds) {
    return summary(thresholdSeconds, entries.values(), pendingSms.get());
  }

  /** {@link #summary} of the phone calls through the FastAGI IVR only ({@link VoiceCitizen}). */
  public Summary callSummary(double thresholdSeconds) {
    return summary(thresholdSeconds, entries.values().stream().filter(e -> e.call).toList(), 0);
  }

  /**
   * {@link #summary} of one channel ({@code VOICE}, {@code CHAT}, {@code SMS}...); texts no offer has
   * named yet count as SMS offered and waiting.
   */
  public Summary channelSummary(double thresholdSeconds, String channel) {
    return summary(thresholdSeconds, entries.values().stream().filter(e -> channel.equals(e.channel)).toList(),
        "SMS".equals(channel) ? pendingSms.get() : 0);
  }

  /** The channels of the contacts seen, in name order. */
  public java.util.SortedSet<String> channels() {
    java.util.SortedSet<String> channels = new java.util.TreeSet<>();
    entries.values().forEach(e -> {
      if (e.channel != null) {
        channels.add(e.channel);
      }
    });
    if (pendingSms.get() > 0) {
      channels.add("SMS");
    }
    return channels;
  }

  private static Summary summary(double thresholdSeconds, java.util.Collection<Entry> entries, long pending) {
    long offered = pending;
    long answered = 0;
    long within = 0;
    long abandoned = 0;
    long closed = 0;
    long resolved = 0;
    double waitSum = 0;
    for (Entry e : entries) {
      offered++;
      if (!Double.isNaN(e.answeredAt)) {
        answered++;
        double wait = e.answeredAt - e.openedAt;
        waitSum += wait;
        within += wait <= (Double.isNaN(e.thresholdSeconds) ? thresholdSeconds : e.thresholdSeconds) ? 1 : 0;
      } else if (!Double.isNaN(e.abandonedAt)) {
        abandoned++;
      }
      if (e.outcome != null) {
        closed++;
        resolved += "RESOLVED".equals(e.outcome) ? 1 : 0;
      }
    }
    return new Summary(offered, answered, within, abandoned, closed, resolved, waitSum);
  }

  /**
   * Figures per interval of {@code minutes}, by the trace second each contact was opened at plus
   * {@code offsetSeconds} (interval 0 starts at trace second −offset: with the seconds of the
   * day at the trace's start, intervals are the day's); intervals without arrivals are left out.
   */
  public SortedMap<Integer, Summary> intervals(double thresholdSeconds, int minutes, double offsetSeconds) {
    Map<Integer, SimulationLedger> split = new HashMap<>();
    entries.forEach((id, e) -> split.computeIfAbsent((int) ((e.openedAt + offsetSeconds) / (minutes * 60.0)),
        k -> new SimulationLedger()).entries.put(id, e));
    SortedMap<Integer, Summary> rows = new TreeMap<>();
    split.forEach((k, ledger) -> rows.put(k, ledger.summary(thresholdSeconds)));
    return rows;
  }

  /** Client-side totals; ratios are NaN when undefined. */
  public record Summary(long offered, long answered, long answeredWithin, long abandoned, long closed, long resolved,
      double waitSum) {
    public double serviceLevel() {
      return offered == 0 ? Double.NaN : (double) answeredWithin / offered;
    }

    public double asaSeconds() {
      return answered == 0 ? Double.NaN : waitSum / answered;
    }

    public double abandonRate() {
      return offered == 0 ? Double.NaN : (double) abandoned / offered;
    }

    public double fcr() {
      return closed == 0 ? Double.NaN : (double) resolved / closed;
    }

    public long waiting() {
      return offered - answered - abandoned;
    }
  }
}
