package org.onenumber.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.media.MediaFetchJob;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.MediaFetchJobs;

/** In-memory media jobs, unique by origin, due oldest first. Thread-safe. */
public final class FakeMediaFetchJobs implements MediaFetchJobs {

  private final Map<String, MediaFetchJob> byId = new LinkedHashMap<>();

  @Override
  public synchronized boolean add(MediaFetchJob job) {
    if (byId.values().stream().anyMatch(j -> j.origin().equals(job.origin()))) {
      return false;
    }
    byId.put(job.id(), job);
    return true;
  }

  @Override
  public synchronized List<MediaFetchJob> due(Instant now, int limit) {
    return byId.values().stream().filter(j -> j.state() == MediaFetchJob.State.PENDING && !j.nextAt().isAfter(now))
        .sorted(Comparator.comparing(MediaFetchJob::nextAt)).limit(limit).toList();
  }

  @Override
  public synchronized boolean claim(MediaFetchJob job, Instant until) {
    MediaFetchJob stored = byId.get(job.id());
    if (stored == null || stored.state() != MediaFetchJob.State.PENDING || !stored.nextAt().equals(job.nextAt())) {
      return false;
    }
    byId.put(job.id(), new MediaFetchJob(job.id(), job.origin(), job.caseId(), job.contact(), job.url(), job.source(),
        job.state(), job.attempts(), until, job.error(), job.createdAt()));
    return true;
  }

  @Override
  public synchronized void update(MediaFetchJob job) {
    byId.computeIfPresent(job.id(), (id, stored) -> job);
  }

  @Override
  public synchronized boolean exists(String id) {
    return byId.containsKey(id);
  }

  /** Deletes the jobs of {@code contact}, as a citizen's erasure does. */
  public synchronized void erase(ContactId contact) {
    byId.values().removeIf(j -> contact.equals(j.contact()));
  }

  @Override
  public synchronized List<MediaFetchJob> ofCase(CaseId caseId) {
    return byId.values().stream().filter(j -> caseId.equals(j.caseId())).toList();
  }

  /** Every job, in the order stored. */
  public synchronized List<MediaFetchJob> all() {
    return new ArrayList<>(byId.values());
  }
}
