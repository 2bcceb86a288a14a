package org.onenumber.core.campaign;

/** One message of a campaign, to {@code phone}; {@code seq} orders the campaign's recipients. */
public record Recipient(String campaign, int seq, String phone) {

  /** Where one recipient's message is. SENDING is claimed but not known to have left. */
  public enum State { PENDING, SENDING, SENT, DELIVERED, FAILED, SKIPPED }
}
