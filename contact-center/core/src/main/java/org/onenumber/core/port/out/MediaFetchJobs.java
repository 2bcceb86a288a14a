package org.onenumber.core.port.out;

import java.time.Instant;
import java.util.List;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.media.MediaFetchJob;

/** Where the pictures still to be fetched for cases are kept, durably, until fetched or given up. */
public interface MediaFetchJobs {

  /**
   * Stores {@code job} unless a job with the same {@link MediaFetchJob#origin()} exists (a channel
   * that delivered the same message twice); returns whether it was stored.
   */
  boolean add(MediaFetchJob job);

  /** Pending jobs whose {@code nextAt} is not after {@code now}, oldest first. */
  List<MediaFetchJob> due(Instant now, int limit);

  /**
   * Takes {@code job} for this worker until {@code until}: moves its {@code nextAt} there only if it
   * is still pending at the {@code nextAt} read, so two workers never fetch one job at once.
   */
  boolean claim(MediaFetchJob job, Instant until);

  /** Stores the job's new state, attempts, next try and error. */
  void update(MediaFetchJob job);

  /** Whether job {@code id} is still stored: a citizen's erasure deletes their jobs, even one being run. */
  boolean exists(String id);

  /** The jobs of one case (pending, done and failed), oldest first. */
  List<MediaFetchJob> ofCase(CaseId caseId);
}
