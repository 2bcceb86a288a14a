package org.onenumber.telephony.asterisk;

import java.time.InstantSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.onenumber.core.contact.ContactId;
import org.onenumber.telephony.OrderedWrites;

/**
 * The calls this node carries on Asterisk: which caller channel belongs to which contact, and the
 * operator's leg once one is dialled. Filled by the FastAGI IVR (a call becomes a contact), read by
 * the AMI side (events name channels; actions need them). Each call has a mailbox of {@link
 * CallSignal}s that only its FastAGI session takes from. Every change is also written to {@link
 * CarriedCalls} (in order, on the writer thread {@code asterisk-carried-calls}, so neither a FastAGI
 * session nor AMI's event thread waits for the database; a failed write is logged). A call
 * <i>adopted</i> after a restart ({@link RestartSweep}) has no FastAGI session: only AMI follows it.
 * Thread-safe.
 */
public final class AsteriskCalls implements AutoCloseable {


  /**
   * One call.
   *
   * @param callerChannel the caller's channel name, e.g. {@code PJSIP/caller-00000002}
   * @param uniqueId the caller channel's Uniqueid
   * @param linkedId the call's Linkedid (shared by the operator leg Asterisk dials for it)
   * @param agentChannel the operator leg's channel name, or null while none is up
   * @param mailbox signals for the call's FastAGI session
   */
  public record Call(ContactId contact, String callerChannel, String uniqueId, String linkedId, String agentChannel,
      BlockingQueue<CallSignal> mailbox) {

    public Call(ContactId contact, String callerChannel, String uniqueId, String linkedId) {
      this(contact, callerChannel, uniqueId, linkedId, null, new LinkedBlockingQueue<>());
    }

    public Call withAgentChannel(String channel) {
      return new Call(contact, callerChannel, uniqueId, linkedId, channel, mailbox);
    }
  }

  /** How many ended calls are remembered ({@link #ended}): a few minutes of New York's record day. */
  static final int ENDED_KEPT = 20_000;

  private final Map<ContactId, Call> calls = new ConcurrentHashMap<>();
  /**
   * Calls whose session ended on this node, the most recent {@value #ENDED_KEPT}: true once the end
   * the session reported to routing has settled (journaled or refused); guarded by itself.
   */
  private final Map<ContactId, Boolean> ended = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ContactId, Boolean> eldest) {
      return size() > ENDED_KEPT;
    }
  };
  /** Offers being rung: when their {@code Dial} was sent, for the answered leg's stages. */
  private final Map<ContactId, Ring> ringing = new ConcurrentHashMap<>();
  private volatile RingTimings ringTimings = RingTimings.NONE;
  private volatile BooleanSupplier hangupsWatched = () -> false;
  private final Set<ContactId> adopted = ConcurrentHashMap.newKeySet();
  private final CarriedCalls store;
  private final InstantSource clock;
  private final OrderedWrites writes;

  /** A registry kept in memory only. */
  public AsteriskCalls() {
    this(CarriedCalls.NONE, InstantSource.system());
  }

  public AsteriskCalls(CarriedCalls store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
    this.writes = store == CarriedCalls.NONE ? OrderedWrites.none()
        : OrderedWrites.on("asterisk-carried-calls", "a carried call");
  }

  /**
   * An offer being rung: its signal entered the call's mailbox at {@code queuedNanos}, its {@code
   * Dial} was sent at {@code dialledNanos} ({@link System#nanoTime()}).
   */
  record Ring(long queuedNanos, long dialledNanos) {}

  public void open(Call call) {
    synchronized (ended) {
      ended.remove(call.contact());
    }
    calls.put(call.contact(), call);
    java.time.Instant at = clock.instant();
    write(() -> store.opened(call, at));
  }

  /** Takes back a call of an earlier run that is still up on Asterisk; it has no FastAGI session. */
  void adopt(Call call) {
    adopted.add(call.contact());
    calls.put(call.contact(), call);
    write(() -> store.agentLeg(call.contact(), call.agentChannel()));
  }

  /** An adopted call is being taken back into a FastAGI session ({@link RejoinedCall}): conducted as any call from now on. */
  void rejoining(ContactId contact) {
    adopted.remove(contact);
  }

  /** True when {@code contact}'s call was adopted after a restart (no FastAGI session conducts it). */
  public boolean adopted(ContactId contact) {
    return adopted.contains(contact);
  }

  /** Records (or clears, with null) the operator leg of {@code contact}'s call. */
  public void agentLeg(ContactId contact, String agentChannel) {
    if (calls.computeIfPresent(contact, (id, call) -> call.withAgentChannel(agentChannel)) != null) {
      write(() -> store.agentLeg(contact, agentChannel));
    }
  }

  public Optional<Call> byContact(ContactId contact) {
    return Optional.ofNullable(calls.get(contact));
  }

  /** The call whose caller or operator leg is {@code channel}. */
  public Optional<Call> byChannel(String channel) {
    return calls.values().stream()
        .filter(c -> channel.equals(c.callerChannel()) || channel.equals(c.agentChannel()))
        .findFirst();
  }

  public Optional<Call> byLinkedId(String linkedId) {
    return calls.values().stream().filter(c -> linkedId.equals(c.linkedId())).findFirst();
  }

  /** Hands {@code signal} to the call's session; false when this node carries no such call. */
  public boolean signal(ContactId contact, CallSignal signal) {
    Call call = calls.get(contact);
    return call != null && call.mailbox().offer(signal);
  }

  /** Moves the signals waiting in {@code contact}'s mailbox to {@code into}, in order, without waiting. */
  void drainTo(ContactId contact, Collection<CallSignal> into) {
    Call call = calls.get(contact);
    if (call != null) {
      call.mailbox().drainTo(into);
    }
  }

  /** How a call's session on this node stands: carried, ended (its end reported or settled), or not known here. */
  public enum Session {
    /** The session conducts the call (or it was adopted after a restart). */
    CARRIED,
    /** The session ended; the end it reported to routing (abandon, wrap-up) is still on its way. */
    ENDING,
    /** The session ended and routing has journaled (or refused) the end it reported. */
    ENDED,
    /** No call of this node (another carrier's or node's, or ended too long ago: {@value #ENDED_KEPT} kept). */
    UNKNOWN
  }

  /** Where {@code contact}'s call stands on this node. */
  public Session session(ContactId contact) {
    if (calls.containsKey(contact)) {
      return Session.CARRIED;
    }
    synchronized (ended) {
      Boolean settled = ended.get(contact);
      return settled == null ? Session.UNKNOWN : settled ? Session.ENDED : Session.ENDING;
    }
  }

  /** {@code contact}'s offer is being rung ({@link Ring}); null clears it. */
  void ringing(ContactId contact, Ring ring) {
    if (ring == null) {
      ringing.remove(contact);
    } else {
      ringing.put(contact, ring);
    }
  }

  /** The offer of {@code contact} being rung, taken (the answered leg's stages are recorded once). */
  Ring answered(ContactId contact) {
    return ringing.remove(contact);
  }

  /** Records the ring path's stages with {@code timings} from now on. */
  public void timeRingsWith(RingTimings timings) {
    this.ringTimings = Objects.requireNonNull(timings, "timings");
  }

  /** Where the ring path's stages are recorded ({@link RingTimings#NONE} unless {@link #timeRingsWith}). */
  public RingTimings ringTimings() {
    return ringTimings;
  }

  /** The next signal for {@code contact}'s session, waiting up to {@code millis}; null when none came. */
  public CallSignal next(ContactId contact, long millis) throws InterruptedException {
    Call call = calls.get(contact);
    return call == null ? null : call.mailbox().poll(millis, TimeUnit.MILLISECONDS);
  }

  public void close(ContactId contact) {
    close(contact, CompletableFuture.completedFuture(null));
  }

  /**
   * The call is over: it leaves the registry now; its durable row once {@code settled} completes
   * (routing journaled the end of its contact, or refused it), so that a server stopping before
   * that finds it at restart ({@link RestartSweep}) and ends the contact then.
   */
  public void close(ContactId contact, CompletionStage<?> settled) {
    if (calls.remove(contact) != null) {
      synchronized (ended) {
        ended.put(contact, Boolean.FALSE);
      }
    }
    ringing.remove(contact);
    adopted.remove(contact);
    settled.whenComplete((done, failure) -> {
      synchronized (ended) {
        ended.replace(contact, Boolean.TRUE);
      }
      write(() -> store.closed(contact));
    });
  }

  /** Forgets the kept row of a call of an earlier run that is over (never in this registry). */
  void forget(ContactId contact) {
    write(() -> store.closed(contact));
  }

  public Collection<Call> all() {
    return List.copyOf(calls.values());
  }

  /** Waits up to {@code millis} for the writes handed over so far (tests, shutdown). */
  public boolean flush(long millis) throws InterruptedException {
    return writes.flush(millis);
  }

  /**
   * Who tells the sessions when a waiting caller hangs up: {@code watched} is true while AMI is
   * logged in (its {@code Hangup} event puts {@link CallSignal.HangUp} in the call's mailbox), so a
   * session then probes the channel less often ({@link #hangupsWatched()}).
   */
  public void watchHangupsWith(BooleanSupplier watched) {
    this.hangupsWatched = watched;
  }

  /** True while AMI reports callers' hang-ups to the sessions. */
  public boolean hangupsWatched() {
    return hangupsWatched.getAsBoolean();
  }

  @Override
  public void close() {
    writes.close();
  }

  private void write(Runnable change) {
    writes.write(change);
  }
}
