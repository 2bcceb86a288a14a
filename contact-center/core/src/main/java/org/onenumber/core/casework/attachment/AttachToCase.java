package org.onenumber.core.casework.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.CaseAttachments;
import org.onenumber.core.port.out.CaseRegistry;

/**
 * Accepts an attachment for a case, in the order of the package comment: size, sniffed type,
 * the case and its count, then one store. Thread-safe when its ports are; two attachments racing
 * for a case's last place may both be stored (the limit is a guard against abuse, not an
 * invariant).
 */
public final class AttachToCase {

  private final CaseRegistry cases;
  private final CaseAttachments attachments;
  private final AttachmentRules rules;
  private final InstantSource clock;
  private final Supplier<String> ids;

  public AttachToCase(CaseRegistry cases, CaseAttachments attachments, AttachmentRules rules, InstantSource clock,
      Supplier<String> ids) {
    this.cases = cases;
    this.attachments = attachments;
    this.rules = rules;
    this.clock = clock;
    this.ids = ids;
  }

  /** Checks {@code content} without storing it; returns its sniffed type. */
  public AttachmentType check(byte[] content) {
    if (content == null || content.length == 0) {
      throw new InvalidInputException("the attachment is empty");
    }
    if (content.length > rules.maxBytes()) {
      throw new AttachmentTooLargeException(rules.maxBytes());
    }
    return AttachmentType.sniff(content).orElseThrow(() ->
        new InvalidInputException("the attachment must be a JPEG, PNG, GIF or WebP picture"));
  }

  /** Stores {@code content} for case {@code caseId}; returns its description. */
  public CaseAttachment attach(CaseId caseId, byte[] content, String source, String addedBy) {
    return attach(caseId, content, source, addedBy, ids.get());
  }

  /** Same, under the given {@code id} (a fetched picture keeps its job's id, so a retry finds it). */
  public CaseAttachment attach(CaseId caseId, byte[] content, String source, String addedBy, String id) {
    AttachmentType type = check(content);
    cases.find(caseId).orElseThrow(() -> new NotFoundException("case", caseId.value()));
    if (attachments.of(caseId).size() >= rules.maxPerCase()) {
      throw new InvalidInputException("the case already holds " + rules.maxPerCase() + " attachments");
    }
    CaseAttachment attachment = new CaseAttachment(id, caseId, type, content.length, sha256(content),
        source, addedBy, clock.instant());
    attachments.add(attachment, content);
    return attachment;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
