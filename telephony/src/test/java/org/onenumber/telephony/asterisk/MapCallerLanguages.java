package org.onenumber.telephony.asterisk;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;

/** Remembered languages in a map. Thread-safe. */
final class MapCallerLanguages implements CallerLanguages {

  final Map<String, Language> byNumber = new ConcurrentHashMap<>();

  @Override
  public Optional<Language> remembered(CitizenIdentity.Phone caller) {
    return Optional.ofNullable(byNumber.get(caller.value()));
  }

  @Override
  public void remember(CitizenIdentity.Phone caller, Language language) {
    byNumber.put(caller.value(), language);
  }
}
