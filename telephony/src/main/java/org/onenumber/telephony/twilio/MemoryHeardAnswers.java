package org.onenumber.telephony.twilio;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link HeardAnswers} in a map: lost with the process. Thread-safe. */
final class MemoryHeardAnswers implements HeardAnswers {

  private final Map<String, Heard> bySid = new ConcurrentHashMap<>();

  @Override
  public void heard(Heard heard) {
    bySid.put(heard.callSid(), heard);
  }

  @Override
  public Optional<Heard> find(String callSid) {
    return Optional.ofNullable(bySid.get(callSid));
  }

  @Override
  public boolean forget(String callSid) {
    return bySid.remove(callSid) != null;
  }

  @Override
  public void forgetBefore(Instant horizon) {
    bySid.values().removeIf(h -> h.at().isBefore(horizon));
  }
}
