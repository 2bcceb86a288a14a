package org.onenumber.server.telephony;

import io.micronaut.scheduling.annotation.Scheduled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.telephony.JdbcCallRecordings.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes recordings older than the retention period ({@code
 * onenumber.telephony.recording.retention-days}, default 90): the file first, then its row. A file
 * already gone is fine; a file that cannot be deleted keeps its row and is retried next sweep.
 * Runs hourly on Micronaut's scheduler.
 */
final class RecordingRetention {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingRetention.class);

  private final JdbcCallRecordings recordings;
  private final RecordingFiles files;
  private final Duration retention;
  private final InstantSource clock;

  RecordingRetention(JdbcCallRecordings recordings, RecordingFiles files, Duration retention, InstantSource clock) {
    this.recordings = recordings;
    this.files = files;
    this.retention = retention;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void scheduled() {
    sweep(clock.instant());
  }

  /** Deletes what expired by {@code now}; returns how many recordings were deleted. */
  int sweep(Instant now) {
    int deleted = 0;
    for (Recording r : recordings.startedBefore(now.minus(retention), 1_000)) {
      try {
        Files.deleteIfExists(files.pathOf(r.file()));
        recordings.delete(r.contact());
        deleted++;
      } catch (IOException | RuntimeException e) {
        LOG.warn("recording of {} not deleted yet: {}", r.contact(), e.toString());
      }
    }
    if (deleted > 0) {
      LOG.info("recording retention: {} recordings older than {} days deleted", deleted, retention.toDays());
    }
    return deleted;
  }
}
