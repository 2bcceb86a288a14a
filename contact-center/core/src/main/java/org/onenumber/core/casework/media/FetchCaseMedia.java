package org.onenumber.core.casework.media;

import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.attachment.AttachToCase;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.CaseAttachments;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.MediaFetchJobs;
import org.onenumber.core.port.out.RemoteMedia;

/**
 * Turns the pictures a channel links to into case attachments, off the request thread. A channel
 * only {@link #enqueue}s (one insert, before it acknowledges); {@link #runDue} works through the due
 * jobs. One job, in order:
 *
 * <ol>
 *   <li>It is claimed for {@link MediaFetchPolicy#lease()}; a job another worker claimed is skipped.
 *   <li>Its case: the job's own, else the newest case its contact was escalated into or linked to.
 *       None yet: it waits ({@link MediaFetchPolicy#caseCheckEvery()}, no try counted) until
 *       {@link MediaFetchPolicy#waitForCase()} after it was created, then fails ("no case").
 *   <li>An attachment with the job's id already on the case (a worker stopped after storing it):
 *       done, nothing fetched.
 *   <li>The bytes are fetched through {@link RemoteMedia} and attached by {@link AttachToCase}
 *       (size, sniffed type, count) under the job's id: done.
 *   <li>A permanent refusal (address, scheme, size, not a picture, 4xx, case full): failed at once,
 *       the reason kept on the job.
 *   <li>A retriable failure (timeout, unreachable, 5xx): tried again after {@link
 *       MediaFetchPolicy#delayAfter}, failed with the reason after {@link MediaFetchPolicy#maxAttempts()}.
 *   <li>The citizen was erased while the picture was fetched (the job is no longer stored, checked
 *       before and after attaching): nothing stays attached — an attachment stored in the meantime
 *       is removed again — and the job ends without a row to update.
 * </ol>
 *
 * Thread-safe when its ports are; the claim keeps two workers off one job.
 */
public final class FetchCaseMedia {

  static final String ERASED = "the citizen's data was erased";

  private final MediaFetchJobs jobs;
  private final RemoteMedia remote;
  private final AttachToCase attach;
  private final CaseAttachments attachments;
  private final CaseRegistry cases;
  private final MediaFetchPolicy policy;
  private final InstantSource clock;
  private final Supplier<String> ids;

  public FetchCaseMedia(MediaFetchJobs jobs, RemoteMedia remote, AttachToCase attach, CaseAttachments attachments,
      CaseRegistry cases, MediaFetchPolicy policy, InstantSource clock, Supplier<String> ids) {
    this.jobs = jobs;
    this.remote = remote;
    this.attach = attach;
    this.attachments = attachments;
    this.cases = cases;
    this.policy = policy;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Stores a job for the picture at {@code url} (durable when this returns); false when a job of
   * the same {@code origin} exists.
   */
  public boolean enqueue(String origin, CaseId caseId, ContactId contact, URI url, String source) {
    return jobs.add(MediaFetchJob.pending(ids.get(), origin, caseId, contact, url, source, clock.instant()));
  }

  /** Runs up to {@code limit} due jobs; returns how many ended (done or failed). */
  public int runDue(int limit) {
    int ended = 0;
    for (MediaFetchJob job : jobs.due(clock.instant(), limit)) {
      if (!jobs.claim(job, clock.instant().plus(policy.lease()))) {
        continue;
      }
      MediaFetchJob after = run(job);
      jobs.update(after);
      if (after.state() != MediaFetchJob.State.PENDING) {
        ended++;
      }
    }
    return ended;
  }

  private MediaFetchJob run(MediaFetchJob job) {
    Instant now = clock.instant();
    Optional<CaseId> target = target(job);
    if (target.isEmpty()) {
      return now.isAfter(job.createdAt().plus(policy.waitForCase()))
          ? job.failed("no case was opened for the contact", job.attempts())
          : job.retryAt(now.plus(policy.caseCheckEvery()), null, job.attempts());
    }
    CaseId caseId = target.get();
    if (attachments.of(caseId).stream().anyMatch(a -> a.id().equals(job.id()))) {
      return job.done(caseId);
    }
    try {
      byte[] content = remote.fetch(job.url(), job.source());
      if (!jobs.exists(job.id())) {
        return job.failed(ERASED, job.attempts() + 1);
      }
      attach.attach(caseId, content, job.source(), job.source(), job.id());
      if (!jobs.exists(job.id())) {
        attachments.remove(caseId, job.id());
        return job.failed(ERASED, job.attempts() + 1);
      }
      return job.done(caseId);
    } catch (PermanentException e) {
      return job.failed(e.getMessage(), job.attempts() + 1);
    } catch (RetriableException e) {
      int tries = job.attempts() + 1;
      return tries >= policy.maxAttempts() ? job.failed(e.getMessage(), tries)
          : job.retryAt(now.plus(policy.delayAfter(tries)), e.getMessage(), tries);
    }
  }

  private Optional<CaseId> target(MediaFetchJob job) {
    if (job.caseId() != null) {
      return Optional.of(job.caseId());
    }
    List<Case> linked = cases.byContact(job.contact());
    return linked.isEmpty() ? Optional.empty() : Optional.of(linked.get(linked.size() - 1).id());
  }
}
