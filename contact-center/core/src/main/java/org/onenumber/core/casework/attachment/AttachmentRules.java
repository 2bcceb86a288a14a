package org.onenumber.core.casework.attachment;

/**
 * The city's limits on attachments.
 *
 * @param maxBytes the largest attachment accepted, in bytes
 * @param maxPerCase how many attachments one case may hold
 */
public record AttachmentRules(int maxBytes, int maxPerCase) {

  /** Five megabytes, five per case. */
  public static final AttachmentRules DEFAULT = new AttachmentRules(5 * 1024 * 1024, 5);

  public AttachmentRules {
    if (maxBytes < 1 || maxPerCase < 1) {
      throw new IllegalArgumentException("attachment limits must be positive");
    }
  }
}
