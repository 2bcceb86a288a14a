package org.onenumber.core.casework.attachment;

import java.time.Instant;
import java.util.Objects;
import org.onenumber.core.casework.CaseId;

/**
 * What is known about one stored attachment (the bytes are kept beside it, never in this record).
 *
 * @param id a random identifier, unique across cases
 * @param caseId the case it belongs to
 * @param type the sniffed type
 * @param sizeBytes the stored size
 * @param sha256 the content's SHA-256 in hex, for integrity checks and duplicates
 * @param source where it came from: {@code web-form}, {@code open311}, {@code mms}, {@code staff}
 * @param addedBy who added it (a staff user, or the channel for a citizen)
 * @param addedAt when it was stored
 */
public record CaseAttachment(String id, CaseId caseId, AttachmentType type, int sizeBytes, String sha256,
    String source, String addedBy, Instant addedAt) {

  public CaseAttachment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(addedBy, "addedBy");
    Objects.requireNonNull(addedAt, "addedAt");
    if (sizeBytes < 1) {
      throw new IllegalArgumentException("an attachment has at least one byte");
    }
  }

  /** The name a download is offered under: the id and the sniffed type's extension. */
  public String fileName() {
    return id + "." + type.extension();
  }
}
