package org.onenumber.server.privacy;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.persistence.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The welfare program's records after a senior left it: once their enrolment's {@code ends_on} lies
 * more than {@code onenumber.retention.welfare-days} (365) behind today (in {@code onenumber.zone}),
 * the senior is anonymised, one transaction per senior:
 *
 * <ol>
 *   <li>Name and the consent giver's name become {@value RetentionSweep#ERASED_TEXT}; phones, address,
 *       emergency contacts, the worker and their phone, preferred windows and care notes are emptied;
 *       the phone index goes, so a text from that number no longer finds the senior.
 *   <li>Consent flags and date, district, language, check-in mode and the enrolment dates stay: the
 *       program's counts (consented, enrolled per district and day) need them and name nobody.
 *   <li>Call outcomes ({@code welfare_attempt}) and escalations stay whole (ids, days, outcomes, case
 *       ids: no personal data); an attempt still scheduled is closed {@code WITHDRAWN}, not counted;
 *       the unreached streak goes.
 *   <li>The citizen record the welfare calls were journalled under ({@code JournalOutboundContacts}:
 *       the senior's name and phone) is erased with {@link CitizenErasure} when that citizen has
 *       nothing but welfare contacts (each the contact of a welfare attempt); a citizen who also
 *       called or wrote about anything else keeps their record under the citizen rules.
 *       The erasure is audited as {@code erase} by {@value #ACTOR}.
 * </ol>
 *
 * The registry no longer returns an anonymised senior (it is gone for every view); importing the same
 * id again re-enrols them with the new data. Idempotent; a failing run is logged and retried.
 */
@Singleton
public final class WelfareRetention {

  private static final Logger LOG = LoggerFactory.getLogger(WelfareRetention.class);
  private static final String ERASED = RetentionSweep.ERASED_TEXT;
  static final String ACTOR = "welfare-retention";

  private final Jdbc jdbc;
  private final long days;
  private final ZoneId zone;
  private final InstantSource clock;
  private final CitizenErasure erasure;

  WelfareRetention(Jdbc jdbc, @Value("${onenumber.retention.welfare-days:365}") long days,
      @Value("${onenumber.zone:Asia/Seoul}") String zone, InstantSource clock, CitizenErasure erasure) {
    if (days < 1) {
      throw new IllegalArgumentException("onenumber.retention.welfare-days must be at least one day");
    }
    this.jdbc = jdbc;
    this.days = days;
    this.zone = ZoneId.of(zone);
    this.clock = clock;
    this.erasure = erasure;
  }

  @Scheduled(fixedDelay = "${onenumber.retention.sweep-every:1h}", initialDelay = "13m",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void scheduled() {
    try {
      int seniors = sweep();
      if (seniors > 0) {
        LOG.info("retention: {} welfare seniors anonymised", seniors);
      }
    } catch (RuntimeException e) {
      LOG.warn("welfare retention failed, retried next time: {}", e.toString());
    }
  }

  /** Anonymises every senior whose enrolment ended before the period; @return how many. */
  public int sweep() {
    Instant now = clock.instant();
    LocalDate endedBefore = LocalDate.ofInstant(now, zone).minusDays(days);
    List<String> due = jdbc.query("select id from welfare_senior where ends_on < ? and anonymised_at is null"
        + " order by id", row -> row.getString(1), endedBefore);
    for (String senior : due) {
      for (String citizen : welfareOnlyCitizens(senior)) {
        erasure.erase(citizen, "the senior's welfare enrolment ended " + days + " days ago", ACTOR, "SYSTEM",
            "server");
      }
      jdbc.inTransaction(() -> anonymise(senior, now));
    }
    return due.size();
  }

  /**
   * The citizens found by the senior's phones who have only welfare contacts. Erased before the
   * senior is anonymised (which drops the phones), so a failure leaves both for the next sweep.
   */
  private List<String> welfareOnlyCitizens(String senior) {
    return jdbc.query("select distinct i.citizen_id from citizen_identity i"
        + " join welfare_senior_phone p on p.phone = i.identity where i.kind = 'phone' and p.senior_id = ?"
        + " and not exists (select 1 from contact c where c.citizen_id = i.citizen_id"
        + " and not exists (select 1 from welfare_attempt a where a.contact_id = c.id))"
        + " order by i.citizen_id", row -> row.getString(1), senior);
  }

  private Void anonymise(String senior, Instant now) {
    jdbc.update("delete from welfare_senior_phone where senior_id = ?", senior);
    jdbc.update("delete from welfare_streak where senior_id = ?", senior);
    jdbc.update("update welfare_attempt set state = 'DONE', outcome = 'WITHDRAWN', ended_at = ?"
        + " where senior_id = ? and state = 'SCHEDULED'", now, senior);
    jdbc.update("update welfare_senior set name = ?, phones = '', address = '', emergency_contacts = '',"
        + " worker = '', worker_phone = null, windows = '', care_notes = '', consent_by = ?, anonymised_at = ?"
        + " where id = ? and anonymised_at is null", ERASED, ERASED, now, senior);
    return null;
  }
}
