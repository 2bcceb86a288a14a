package org.onenumber.core.messaging;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.onenumber.core.error.InvalidInputException;

/**
 * Where a message is on its way. Inbound messages are {@code RECEIVED} and stay so. Outbound ones
 * start {@code QUEUED} and move forward only:
 *
 * <pre>
 * QUEUED ──► SENT ──► DELIVERED ──► READ
 *   │          ├────► UNDELIVERED
 *   └──────────┴────► FAILED
 * </pre>
 *
 * Providers report out of order (a {@code delivered} callback may overtake {@code sent}), so a
 * status already passed is not an error for the caller to fix; {@link #canMoveTo} says whether a
 * report is news.
 */
public enum DeliveryStatus {
  RECEIVED,
  QUEUED,
  SENT,
  DELIVERED,
  READ,
  UNDELIVERED,
  FAILED;

  public boolean canMoveTo(DeliveryStatus next) {
    return successors().contains(next);
  }

  public boolean isFailure() {
    return this == UNDELIVERED || this == FAILED;
  }

  public Set<DeliveryStatus> successors() {
    return switch (this) {
      case QUEUED -> EnumSet.of(SENT, DELIVERED, READ, UNDELIVERED, FAILED);
      case SENT -> EnumSet.of(DELIVERED, READ, UNDELIVERED, FAILED);
      case DELIVERED -> EnumSet.of(READ);
      case RECEIVED, READ, UNDELIVERED, FAILED -> EnumSet.noneOf(DeliveryStatus.class);
    };
  }

  /**
   * Reads a provider's status word. Twilio's words map as: accepted, scheduled, queued →
   * {@code QUEUED}; sending, sent → {@code SENT}; delivered; read; undelivered; failed, canceled →
   * {@code FAILED}; receiving, received → {@code RECEIVED}.
   */
  public static DeliveryStatus fromProvider(String word) {
    String w = InvalidInputException.requireText(word, "status").trim().toLowerCase(Locale.ROOT);
    return switch (w) {
      case "accepted", "scheduled", "queued" -> QUEUED;
      case "sending", "sent" -> SENT;
      case "delivered" -> DELIVERED;
      case "read" -> READ;
      case "undelivered" -> UNDELIVERED;
      case "failed", "canceled" -> FAILED;
      case "receiving", "received" -> RECEIVED;
      default -> throw new InvalidInputException("unknown delivery status '" + word + "'");
    };
  }
}
