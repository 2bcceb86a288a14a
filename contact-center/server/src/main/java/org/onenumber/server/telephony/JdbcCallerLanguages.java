package org.onenumber.server.telephony;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.persistence.CoalescedWrites;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.telephony.asterisk.CallerLanguages;

/**
 * Callers' IVR languages in table {@code caller_language} (migration V71). {@link #remember} only
 * records the language: the latest per number is written coalesced ({@link CoalescedWrites}: one
 * writer, one batch of updates and one of inserts per round on one pooled connection), so a call
 * never waits for, nor a burst of calls queues threads on, a write (session 11: ~200 IVR session
 * threads sat in one write each while the pool was starved). Thread-safe; two calls from one
 * number choosing at once: the last one recorded wins.
 */
@Singleton
public final class JdbcCallerLanguages implements CallerLanguages {

  private static final String UPDATE = "update caller_language set language = ?, updated_at = ? where phone = ?";
  private static final String INSERT = "insert into caller_language (phone, language, updated_at) values (?, ?, ?)";

  private final Jdbc jdbc;
  private final InstantSource clock;
  private final CoalescedWrites<String, Language> writes;

  public JdbcCallerLanguages(Jdbc jdbc, InstantSource clock, @Named(TaskExecutors.BLOCKING) Executor executor) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.writes = new CoalescedWrites<>(executor, this::write, "callers' languages");
  }

  @Override
  public Optional<Language> remembered(CitizenIdentity.Phone caller) {
    return jdbc.queryOne("select language from caller_language where phone = ?", row -> new Language(row.getString(1)),
        caller.value());
  }

  @Override
  public void remember(CitizenIdentity.Phone caller, Language language) {
    writes.put(caller.value(), language);
  }

  /** Waits up to {@code timeout} for the recorded languages to be written; true when all are. */
  public boolean flush(Duration timeout) {
    return writes.flush(timeout);
  }

  @PreDestroy
  void close() {
    writes.close(Duration.ofSeconds(5));
  }

  /** One round: updates as a batch, then inserts for the numbers not known yet. */
  private void write(Map<String, Language> languages) {
    Instant now = clock.instant();
    List<String> phones = new ArrayList<>(languages.keySet());
    List<Object[]> updates = new ArrayList<>(phones.size());
    phones.forEach(phone -> updates.add(new Object[] {languages.get(phone).code(), now, phone}));
    int[] updated = jdbc.batch(UPDATE, updates);
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < phones.size(); i++) {
      if (updated[i] == 0) {
        inserts.add(new Object[] {phones.get(i), languages.get(phones.get(i)).code(), now});
      }
    }
    try {
      jdbc.batch(INSERT, inserts);
    } catch (RetriableException e) { // another server inserted one of them meanwhile: one by one
      inserts.forEach(row -> upsert((String) row[0], (String) row[1], now));
    }
  }

  private void upsert(String phone, String language, Instant now) {
    if (jdbc.update(UPDATE, language, now, phone) > 0) {
      return;
    }
    try {
      jdbc.update(INSERT, phone, language, now);
    } catch (RetriableException e) {
      jdbc.update(UPDATE, language, now, phone);
    }
  }
}
