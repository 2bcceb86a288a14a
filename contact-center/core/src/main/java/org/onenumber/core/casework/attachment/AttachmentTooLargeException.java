package org.onenumber.core.casework.attachment;

import org.onenumber.core.error.PermanentException;

/** An attachment over {@link AttachmentRules#maxBytes()}; nothing was stored. */
public final class AttachmentTooLargeException extends PermanentException {

  public AttachmentTooLargeException(int maxBytes) {
    super("too_large", "the attachment is larger than " + maxBytes / 1024 + " KB");
  }
}
