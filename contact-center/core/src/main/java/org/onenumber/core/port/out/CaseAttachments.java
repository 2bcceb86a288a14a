package org.onenumber.core.port.out;

import java.util.List;
import java.util.Optional;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.attachment.CaseAttachment;

/** Where case attachments are kept: the bytes and their description, stored together. */
public interface CaseAttachments {

  /** Stores {@code content} described by {@code attachment}, atomically. */
  void add(CaseAttachment attachment, byte[] content);

  /** The case's attachments, oldest first, without their bytes. */
  List<CaseAttachment> of(CaseId caseId);

  /** Deletes attachment {@code id} of {@code caseId}, if there is one (a picture fetched for an erased citizen). */
  void remove(CaseId caseId, String id);

  /** The bytes of attachment {@code id} when it belongs to {@code caseId}. */
  Optional<byte[]> content(CaseId caseId, String id);
}
