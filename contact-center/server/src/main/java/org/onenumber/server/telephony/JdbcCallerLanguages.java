package org.onenumber.server.telephony;

import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.telephony.asterisk.CallerLanguages;

/**
 * Callers' IVR languages in table {@code caller_language} (migration V71). Thread-safe; two calls
 * from one number choosing at once: the last one wins.
 */
@Singleton
public final class JdbcCallerLanguages implements CallerLanguages {

  private final Jdbc jdbc;
  private final InstantSource clock;

  public JdbcCallerLanguages(Jdbc jdbc, InstantSource clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<Language> remembered(CitizenIdentity.Phone caller) {
    return jdbc.queryOne("select language from caller_language where phone = ?", row -> new Language(row.getString(1)),
        caller.value());
  }

  @Override
  public void remember(CitizenIdentity.Phone caller, Language language) {
    java.time.Instant now = clock.instant();
    if (jdbc.update("update caller_language set language = ?, updated_at = ? where phone = ?", language.code(), now,
        caller.value()) > 0) {
      return;
    }
    try {
      jdbc.update("insert into caller_language (phone, language, updated_at) values (?, ?, ?)", caller.value(),
          language.code(), now);
    } catch (RetriableException e) {
      jdbc.update("update caller_language set language = ?, updated_at = ? where phone = ?", language.code(), now,
          caller.value());
    }
  }
}
