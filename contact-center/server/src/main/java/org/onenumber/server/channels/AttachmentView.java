package org.onenumber.server.channels;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.onenumber.core.casework.attachment.CaseAttachment;

/**
 * One attachment of a case as the API lists it (no bytes; {@code addedBy} only for staff), and
 * the response that serves its bytes: the sniffed type, never cached, sandboxed so that a picture
 * can never run as a page, offered under a name the server chose.
 */
@Serdeable
record AttachmentView(String id, String mediaType, int sizeBytes, String sha256, String source, Instant addedAt,
    String addedBy) {

  /** As the citizen's tracking page lists it: without who added it. */
  static AttachmentView of(CaseAttachment a) {
    return new AttachmentView(a.id(), a.type().mediaType(), a.sizeBytes(), a.sha256(), a.source(), a.addedAt(), null);
  }

  /** As staff see it: with who added it (a staff login, or the channel for a citizen's picture). */
  static AttachmentView forStaff(CaseAttachment a) {
    return new AttachmentView(a.id(), a.type().mediaType(), a.sizeBytes(), a.sha256(), a.source(), a.addedAt(),
        a.addedBy());
  }

  static MutableHttpResponse<byte[]> content(CaseAttachment a, byte[] bytes) {
    return HttpResponse.ok(bytes).contentType(a.type().mediaType())
        .header("Content-Disposition", "inline; filename=\"" + a.fileName() + "\"")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cache-Control", "private, no-store");
  }
}
