package org.onenumber.server.casework;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.onenumber.core.casework.media.FetchCaseMedia;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.server.cluster.RoutingOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the due linked pictures into case attachments every {@code onenumber.media.fetch-every}
 * (5 s), up to {@code onenumber.media.batch} (10) a tick, on the scheduler's thread — never on a
 * webhook's. A failing tick (the database is down) is logged and retried at the next; a job a
 * worker stopped on is taken again once its lease ends.
 */
@Singleton
final class MediaFetchWorker {

  private static final Logger LOG = LoggerFactory.getLogger(MediaFetchWorker.class);

  private final FetchCaseMedia media;
  private final int batch;

  MediaFetchWorker(FetchCaseMedia media, @io.micronaut.context.annotation.Value("${onenumber.media.batch:10}") int batch) {
    this.media = media;
    this.batch = batch;
  }

  @Scheduled(fixedDelay = "${onenumber.media.fetch-every:5s}", initialDelay = "${onenumber.media.fetch-every:5s}",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void fetch() {
    try {
      int ended = media.runDue(batch);
      if (ended > 0) {
        LOG.info("media: {} linked pictures fetched or given up", ended);
      }
    } catch (OneNumberException e) {
      LOG.warn("media fetch failed: {}", e.getMessage());
    }
  }
}
