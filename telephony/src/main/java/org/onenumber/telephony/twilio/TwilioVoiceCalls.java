package org.onenumber.telephony.twilio;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.telephony.OrderedWrites;

/**
 * The calls this node carries on Twilio: which Twilio call (CallSid of the caller's leg) belongs to
 * which contact, where the call is in its life ({@link Phase}), and the last place in line routing
 * announced. Webhooks, routing events and operator controls all change a call through {@link #move},
 * an atomic compare-and-set, so that two reports of the same thing (a dial action and a status
 * callback) act once. Thread-safe. Every change is also written to a {@link TwilioCallStore} (in
 * order, on the writer thread {@code twilio-voice-calls}, so no webhook or event loop waits for the
 * database; a failed write is logged), and the calls kept are read back when the server starts, so a
 * call survives a restart: Twilio keeps it running and its next webhook finds it again.
 */
public final class TwilioVoiceCalls implements AutoCloseable {


  /** Where a Twilio call is. */
  public enum Phase {
    /** In the Twilio queue, hearing the wait loop. */
    WAITING,
    /** The operator's phone rings ({@code agent} set). */
    RINGING,
    /** Caller and operator talk. */
    CONNECTED,
    /** The caller hears hold music; the operator's leg has ended. */
    HELD,
    /** Back from hold: the operator's phone rings again. */
    RECONNECTING,
    /** Caller, operator and a third party in a Twilio conference. */
    CONFERENCE,
    /** A callback: the operator's leg is placed, the citizen not yet answered. */
    CALLBACK,
    /** Over for the center (hung up, transferred out, callback requested). */
    ENDED
  }

  /**
   * One call.
   *
   * @param callSid the caller's leg (for a callback, the leg Twilio placed to the operator)
   * @param agent the operator rung or connected; null while waiting
   * @param record whether consent and queue allow recording this call
   * @param position the last place in line routing announced; null before the first
   */
  public record Call(String callSid, ContactId contact, Language language, String queueName, Phase phase,
      AgentId agent, boolean record, Integer position, Duration estimatedWait) {

    public Call(String callSid, ContactId contact, Language language, String queueName, boolean record) {
      this(callSid, contact, language, queueName, Phase.WAITING, null, record, null, null);
    }

    public Call to(Phase next, AgentId agentNow) {
      return new Call(callSid, contact, language, queueName, next, agentNow, record, position, estimatedWait);
    }

    public Call at(int place, Duration wait) {
      return new Call(callSid, contact, language, queueName, phase, agent, record, place, wait);
    }

    public Call withSid(String sid) {
      return new Call(sid, contact, language, queueName, phase, agent, record, position, estimatedWait);
    }
  }

  private final Map<ContactId, Call> byContact = new ConcurrentHashMap<>();
  private final Map<String, ContactId> bySid = new ConcurrentHashMap<>();
  private final TwilioCallStore store;
  private final OrderedWrites writes;

  /** Calls kept in memory only. */
  public TwilioVoiceCalls() {
    this(TwilioCallStore.NONE);
  }

  /** Calls kept in {@code store}; the ones it holds (from before a restart) are carried again at once. */
  public TwilioVoiceCalls(TwilioCallStore store) {
    this.store = store;
    this.writes = store == TwilioCallStore.NONE ? OrderedWrites.none()
        : OrderedWrites.on("twilio-voice-calls", "a Twilio call");
    for (Call call : store.all()) {
      byContact.put(call.contact(), call);
      bySid.put(call.callSid(), call.contact());
    }
  }

  public void open(Call call) {
    byContact.put(call.contact(), call);
    bySid.put(call.callSid(), call.contact());
    write(() -> store.saved(call));
  }

  public Optional<Call> byContact(ContactId contact) {
    return Optional.ofNullable(byContact.get(contact));
  }

  public Optional<Call> bySid(String callSid) {
    ContactId contact = callSid == null ? null : bySid.get(callSid);
    return contact == null ? Optional.empty() : byContact(contact);
  }

  /**
   * Changes {@code contact}'s call with {@code change} if it exists and {@code when} holds, atomically.
   *
   * @return the call before the change when it was applied; empty otherwise
   */
  public Optional<Call> move(ContactId contact, Predicate<Call> when, UnaryOperator<Call> change) {
    Call[] before = new Call[1];
    byContact.computeIfPresent(contact, (id, call) -> {
      if (!when.test(call)) {
        return call;
      }
      before[0] = call;
      Call after = change.apply(call);
      write(() -> store.saved(after));
      return after;
    });
    return Optional.ofNullable(before[0]);
  }

  /** Moves the call from one of {@code from} to {@code next} (with {@code agent}); the call before, if moved. */
  public Optional<Call> move(ContactId contact, java.util.Set<Phase> from, Phase next, AgentId agent) {
    return move(contact, c -> from.contains(c.phase()), c -> c.to(next, agent));
  }

  /** Forgets the call (its leg ended). */
  public void close(ContactId contact) {
    Call call = byContact.remove(contact);
    if (call != null) {
      bySid.remove(call.callSid(), contact);
      write(() -> store.removed(contact));
    }
  }

  /** Waits up to {@code millis} for the writes handed over so far (tests, shutdown). */
  public boolean flush(long millis) throws InterruptedException {
    return writes.flush(millis);
  }

  @Override
  public void close() {
    writes.close();
  }

  private void write(Runnable change) {
    writes.write(change);
  }

  public boolean carries(ContactId contact) {
    Call call = byContact.get(contact);
    return call != null && call.phase() != Phase.ENDED;
  }
}
