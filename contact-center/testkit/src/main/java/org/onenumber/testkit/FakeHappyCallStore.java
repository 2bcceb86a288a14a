package org.onenumber.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.happycall.FollowUp;
import org.onenumber.core.happycall.HappyCall;
import org.onenumber.core.port.out.HappyCallStore;

/** In-memory {@link HappyCallStore}; thread-safe by synchronisation. */
public final class FakeHappyCallStore implements HappyCallStore {

  private final Map<ContactId, HappyCall> calls = new LinkedHashMap<>();
  private final List<FollowUp> followUps = new ArrayList<>();

  @Override
  public synchronized boolean schedule(HappyCall call) {
    return calls.putIfAbsent(call.contact(), call) == null;
  }

  @Override
  public synchronized List<HappyCall> due(Instant now, int limit) {
    return calls.values().stream().filter(c -> c.state() == HappyCall.State.SCHEDULED && !c.dueAt().isAfter(now))
        .sorted(Comparator.comparing(HappyCall::dueAt)).limit(limit).toList();
  }

  @Override
  public synchronized boolean markSent(ContactId contact, String phone, Instant at) {
    return move(contact, HappyCall.State.SCHEDULED, c -> new HappyCall(c.contact(), c.citizen(), c.dueAt(),
        HappyCall.State.SENT, phone, at, null, c.calls()));
  }

  @Override
  public synchronized boolean markCalling(ContactId contact, String phone, Instant at) {
    return move(contact, HappyCall.State.SCHEDULED, c -> new HappyCall(c.contact(), c.citizen(), c.dueAt(),
        HappyCall.State.CALLING, phone, at, null, c.calls() + 1));
  }

  @Override
  public synchronized boolean callAgain(ContactId contact, Instant dueAt) {
    return move(contact, HappyCall.State.CALLING, c -> new HappyCall(c.contact(), c.citizen(), dueAt,
        HappyCall.State.SCHEDULED, c.phone(), c.sentAt(), null, c.calls()));
  }

  @Override
  public synchronized boolean fallBackToSms(ContactId contact, Instant at) {
    return move(contact, HappyCall.State.CALLING, c -> new HappyCall(c.contact(), c.citizen(), c.dueAt(),
        HappyCall.State.SENT, c.phone(), at, null, c.calls()));
  }

  @Override
  public synchronized List<HappyCall> callingSince(Instant before, int limit) {
    return calls.values().stream().filter(c -> c.state() == HappyCall.State.CALLING && c.sentAt().isBefore(before))
        .sorted(Comparator.comparing(HappyCall::sentAt)).limit(limit).toList();
  }

  @Override
  public synchronized boolean skip(ContactId contact) {
    return move(contact, HappyCall.State.SCHEDULED, c -> new HappyCall(c.contact(), c.citizen(), c.dueAt(),
        HappyCall.State.SKIPPED, c.phone(), c.sentAt(), null, c.calls()));
  }

  @Override
  public synchronized Optional<Instant> lastSent(CitizenId citizen) {
    return calls.values().stream().filter(c -> c.citizen().equals(citizen) && c.sentAt() != null)
        .map(HappyCall::sentAt).max(Comparator.naturalOrder());
  }

  @Override
  public synchronized Optional<HappyCall> awaiting(String phone) {
    return calls.values().stream().filter(c -> c.state() == HappyCall.State.SENT && phone.equals(c.phone()))
        .max(Comparator.comparing(HappyCall::sentAt));
  }

  @Override
  public synchronized boolean answer(ContactId contact, int score, Instant at, FollowUp followUp) {
    HappyCall.State from = find(contact).map(HappyCall::state).filter(s -> s == HappyCall.State.CALLING)
        .orElse(HappyCall.State.SENT);
    boolean moved = move(contact, from, c -> new HappyCall(c.contact(), c.citizen(), c.dueAt(),
        HappyCall.State.ANSWERED, c.phone(), c.sentAt(), score, c.calls()));
    if (moved && followUp != null) {
      followUps.add(0, followUp);
    }
    return moved;
  }

  @Override
  public synchronized List<FollowUp> followUps(int limit) {
    return followUps.stream().limit(limit).toList();
  }

  @Override
  public synchronized Optional<HappyCall> find(ContactId contact) {
    return Optional.ofNullable(calls.get(contact));
  }

  private boolean move(ContactId contact, HappyCall.State from, java.util.function.UnaryOperator<HappyCall> to) {
    HappyCall c = calls.get(contact);
    if (c == null || c.state() != from) {
      return false;
    }
    calls.put(contact, to.apply(c));
    return true;
  }
}
