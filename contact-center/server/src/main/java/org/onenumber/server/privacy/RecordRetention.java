package org.onenumber.server.privacy;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.persistence.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention of the records beside the messages ({@link RetentionSweep} has those), each after
 * its own period from {@code onenumber.retention.*-days}, by the injected clock:
 *
 * <ol>
 *   <li>Internal notes, wrap-up notes and whispers older than {@code notes-days} (365): the body
 *       becomes {@value RetentionSweep#ERASED_TEXT}; kind, author and time stay, so note counts do.
 *   <li>Domain event payloads older than {@code events-days} (365), which can quote a citizen's
 *       topic or handle: the payload becomes {@code {}}; type, time and contact stay. Operators'
 *       state changes ({@code agent.state-changed}) are staff figures, not a citizen's data, and
 *       stay whole for the service-level reports.
 *   <li>Open311 requests older than {@code open311-days} (365): description, place (address, its
 *       id, latitude and longitude), photo link and answers are erased; service, client, time and
 *       the case stay, so the GeoReport lists and the department figures still count them.
 *   <li>Photo links queued for fetching ({@code media_fetch}: an Open311 {@code media_url}, an
 *       MMS's media) created more than {@code open311-days} ago: the link becomes
 *       {@value RetentionSweep#ERASED_TEXT} and the failure reason is cleared (it can quote the
 *       link); one still pending is failed. Source, state, case and times stay; the fetched
 *       picture itself is a case attachment, erased with the citizen.
 * </ol>
 *
 * Idempotent (erased rows are skipped); a failing run is logged and retried at the next one.
 */
@Singleton
public final class RecordRetention {

  private static final Logger LOG = LoggerFactory.getLogger(RecordRetention.class);
  private static final String ERASED = RetentionSweep.ERASED_TEXT;

  /** How many rows each step changed. */
  public record Swept(int notes, int events, int open311Requests, int mediaLinks) {}

  private final Jdbc jdbc;
  private final Duration notes;
  private final Duration events;
  private final Duration open311;
  private final InstantSource clock;

  RecordRetention(Jdbc jdbc, @Value("${onenumber.retention.notes-days:365}") long notesDays,
      @Value("${onenumber.retention.events-days:365}") long eventsDays,
      @Value("${onenumber.retention.open311-days:365}") long open311Days, InstantSource clock) {
    if (Math.min(notesDays, Math.min(eventsDays, open311Days)) < 1) {
      throw new IllegalArgumentException("every onenumber.retention period must be at least one day");
    }
    this.jdbc = jdbc;
    this.notes = Duration.ofDays(notesDays);
    this.events = Duration.ofDays(eventsDays);
    this.open311 = Duration.ofDays(open311Days);
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${onenumber.retention.sweep-every:1h}", initialDelay = "11m",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void scheduled() {
    try {
      Swept swept = sweep();
      if (swept.notes() + swept.events() + swept.open311Requests() + swept.mediaLinks() > 0) {
        LOG.info("retention: {}", swept);
      }
    } catch (RuntimeException e) {
      LOG.warn("record retention failed, retried next time: {}", e.toString());
    }
  }

  /** Runs the four steps against the clock's now. */
  public Swept sweep() {
    Instant now = clock.instant();
    int n = jdbc.update("update contact_note set body = ? where at < ? and body <> ?", ERASED, now.minus(notes),
        ERASED);
    int e = jdbc.update("update domain_event set payload = '{}' where at < ? and payload <> '{}'"
        + " and type <> 'agent.state-changed'", now.minus(events));
    int o = jdbc.update("update open311_request set description = ?, address = null, address_id = null, lat = null,"
        + " lon = null, media_url = null, attributes = null where requested_at < ?"
        + " and (description is null or description <> ?)", ERASED, now.minus(open311), ERASED);
    int m = jdbc.update("update media_fetch set url = ?, error = null,"
        + " state = case when state = 'PENDING' then 'FAILED' else state end where created_at < ? and url <> ?",
        ERASED, now.minus(open311), ERASED);
    return new Swept(n, e, o, m);
  }
}
