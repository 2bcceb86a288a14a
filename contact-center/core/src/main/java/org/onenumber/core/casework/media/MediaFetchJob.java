package org.onenumber.core.casework.media;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;

/**
 * One picture to fetch for a case. Immutable; the runner stores each new state.
 *
 * @param id a random identifier; the attachment it becomes has the same id
 * @param origin what the link came from, unique: {@code mms:<message id>#<index>},
 *     {@code open311:<request id>} — a channel's retry finds the job already there
 * @param caseId the case, or null when the case is not known yet (an MMS on a contact an operator
 *     may escalate later)
 * @param contact the contact whose case receives the picture when {@code caseId} is null
 * @param url the link, http or https
 * @param source {@code mms} or {@code open311}
 * @param attempts failed tries so far
 * @param nextAt when the job is next due (while pending)
 * @param error why the last try failed, or null
 */
public record MediaFetchJob(String id, String origin, CaseId caseId, ContactId contact, URI url, String source,
    State state, int attempts, Instant nextAt, String error, Instant createdAt) {

  /** Where a job is. */
  public enum State {
    PENDING, DONE, FAILED
  }

  /** The longest error text kept. */
  public static final int MAX_ERROR = 300;

  public MediaFetchJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextAt, "nextAt");
    Objects.requireNonNull(createdAt, "createdAt");
    if (caseId == null && contact == null) {
      throw new InvalidInputException("a media job needs a case or a contact");
    }
    if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
      throw new InvalidInputException("media links must be http(s) URLs");
    }
    error = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }

  /** A new pending job, due at once. */
  public static MediaFetchJob pending(String id, String origin, CaseId caseId, ContactId contact, URI url,
      String source, Instant now) {
    return new MediaFetchJob(id, origin, caseId, contact, url, source, State.PENDING, 0, now, null, now);
  }

  MediaFetchJob done(CaseId target) {
    return new MediaFetchJob(id, origin, target, contact, url, source, State.DONE, attempts, nextAt, null, createdAt);
  }

  MediaFetchJob failed(String why, int tries) {
    return new MediaFetchJob(id, origin, caseId, contact, url, source, State.FAILED, tries, nextAt, why, createdAt);
  }

  MediaFetchJob retryAt(Instant at, String why, int tries) {
    return new MediaFetchJob(id, origin, caseId, contact, url, source, State.PENDING, tries, at, why, createdAt);
  }
}
