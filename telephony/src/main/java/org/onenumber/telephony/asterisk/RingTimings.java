package org.onenumber.telephony.asterisk;

import java.util.Locale;

/**
 * Where an offered call's time goes between routing's offer and routing hearing the operator
 * answered (the "ring path"), in wall time, by {@link Stage}; and the offers the sessions did not
 * dial ({@link Skipped}). The server records them as Micrometer meters ({@code
 * onenumber.call.ring} by {@code stage}, {@code onenumber.call.ring.skipped} by {@code reason});
 * {@link #NONE} records nothing. Called from session threads and the event loop: thread-safe.
 */
public interface RingTimings {

  RingTimings NONE = new RingTimings() {
    @Override
    public void record(Stage stage, long nanos) { }

    @Override
    public void skipped(Skipped reason) { }
  };

  /** The stages of the ring path, in order. */
  enum Stage {
    /** Routing's offer (the event's stamp, server time converted to wall time) → in the call's mailbox. */
    ROUTED,
    /** In the call's mailbox → the caller's session takes it (behind an announcement, other signals). */
    MAILBOX,
    /** The session took the offer → {@code Dial} sent (the operator's device, music stopped). */
    DIAL,
    /** {@code Dial} sent → the operator's answered leg starts ({@link AnsweredLeg}): the ring, the pick-up, the leg's connection. */
    ANSWER,
    /** The answered leg's {@code Accept}: routing's decision and journal commit. */
    ACCEPT,
    /** The offer in the call's mailbox → routing agreed to the {@code Accept}: the four stages after {@link #ROUTED}. */
    TOTAL;

    /** The {@code stage} tag's value: the name in lower case. */
    public String tag() {
      return tagOf(this);
    }
  }

  /** Why an offer was not dialled. */
  enum Skipped {
    /** Routing had withdrawn it (its expiry or another change was already in the mailbox behind it). */
    STALE,
    /** The call's session had ended on this node: the contact was abandoned at once ({@link OrphanOffers}). */
    NO_SESSION;

    /** The {@code reason} tag's value: the name in lower case, {@code _} as {@code -}. */
    public String tag() {
      return tagOf(this);
    }
  }

  void record(Stage stage, long nanos);

  /** A meter tag's value from a constant's name: lower case, {@code _} as {@code -} ({@code NO_SESSION} → {@code no-session}). */
  private static String tagOf(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  void skipped(Skipped reason);
}
