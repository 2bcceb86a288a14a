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
        HappyCall.State.SENT, phone, at, null));
  }

  @Override
  public synchronized boolean skip(ContactId contact) {
    return move(contact, HappyCall.State.SCHEDULED, c -> new HappyCall(c.contact(), c.citizen(), c.dueAt(),
        HappyCall.State.SKIPPED, null, null, null));
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
    boolean moved = move(contact, HappyCall.State.SENT, c -> new HappyCall(c.contact(), c.citizen(), c.dueAt(),
        HappyCall.State.ANSWERED, c.phone(), c.sentAt(), score));
    if (moved && followUp != null) {
      followUps.add(0, followUp);
    }
    return moved;
  }

  @Override
  public synchronized List<FollowUp> followUps(int limit) {
    return followUps.stream().limit(limit).toList();
  }

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
