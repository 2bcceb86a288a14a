package org.onenumber.telephony.asterisk;

import java.util.Optional;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;

/**
 * The language a caller chose last time, by their number, so the next call skips the language
 * menu. The server keeps it in its database; tests use a map.
 */
public interface CallerLanguages {

  Optional<Language> remembered(CitizenIdentity.Phone caller);

  /**
   * Keeps {@code language} for {@code caller}'s next call. Called on a call's session thread: it
   * must not block (the server records it and writes the latest per number coalesced, later).
   */
  void remember(CitizenIdentity.Phone caller, Language language);
}
