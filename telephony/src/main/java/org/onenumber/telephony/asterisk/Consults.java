package org.onenumber.telephony.asterisk;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.action.HangupAction;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.IllegalTransitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consult (attended) transfers under way on Asterisk: the held caller's operator leg sits in a
 * consult room (ConfBridge) and the consulted party is originated into it. The consult leg's channel
 * name is learnt from its {@code OriginateResponse Success} (capture 04a: the real channel name, under
 * our ActionID); a {@code Failure} (04b–d) leaves it unknown and the operator cancels. A consult
 * cancelled before its leg answered has that leg hung up as soon as it answers. A consult whose leg
 * hung up or failed cannot be completed (the caller would be alone): {@link #takeToComplete} refuses. Thread-safe; the
 * event methods never block (the hang-up is an async AMI action).
 */
final class Consults {

  private static final Logger LOG = LoggerFactory.getLogger(Consults.class);

  /**
   * One consult.
   *
   * @param operatorChannel the first operator's leg, waiting in the room
   * @param room the ConfBridge room of the consultation
   * @param actionId the ActionID of the consult leg's Originate
   * @param channel the consult leg's channel once it answered, else null
   * @param legGone the consult leg answered and has hung up since, or was not reached (its Originate
   *     will not answer again): the consult cannot be completed
   */
  record Consult(ContactId contact, String operatorChannel, String room, String actionId, String channel,
      boolean legGone) {

    Consult answered(String legChannel) {
      return new Consult(contact, operatorChannel, room, actionId, legChannel, false);
    }

    Consult hungUp() {
      return new Consult(contact, operatorChannel, room, actionId, null, true);
    }
  }

  private final AmiLink link;
  private final AtomicLong ids = new AtomicLong();
  private final Map<ContactId, Consult> byContact = new ConcurrentHashMap<>();
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

  Consults(AmiLink link) {
    this.link = link;
  }

  /** Registers a consult of {@code contact} (replacing an earlier one); returns it with its new ActionID. */
  Consult start(ContactId contact, String operatorChannel, String room) {
    Consult consult = new Consult(contact, operatorChannel, room, "onenumber-consult-" + ids.incrementAndGet(), null,
        false);
    byContact.put(contact, consult);
    return consult;
  }

  /** The consult under way for {@code contact}. */
  Optional<Consult> of(ContactId contact) {
    return Optional.ofNullable(byContact.get(contact));
  }

  /** Ends the consult of {@code contact} (cancelled) and returns it. */
  Optional<Consult> take(ContactId contact) {
    return Optional.ofNullable(byContact.remove(contact));
  }

  /**
   * Ends the consult of {@code contact} to complete it and returns it, unless its consulted party
   * has left ({@link Consult#legGone}): then the consult stays under way (the operator cancels it)
   * and this throws. Atomic against the leg's {@code Hangup} arriving meanwhile.
   */
  Optional<Consult> takeToComplete(ContactId contact) {
    while (true) {
      Consult consult = byContact.get(contact);
      if (consult == null) {
        return Optional.empty();
      }
      if (consult.legGone()) {
        throw new IllegalTransitionException("consult of contact " + contact.value(), "consulted party left",
            "completed");
      }
      if (byContact.remove(contact, consult)) {
        return Optional.of(consult);
      }
    }
  }

  /**
   * A cancelled consult whose leg has not answered yet: hang the leg up when it does. A leg that
   * answered and hung up already will not answer again, so nothing is kept for it.
   */
  void hangUpWhenAnswered(Consult consult) {
    if (!consult.legGone()) {
      cancelled.add(consult.actionId());
    }
  }

  /** Cancelled consults whose leg is still awaited (each waits for its Originate's answer). */
  int awaitingCancelledLegs() {
    return cancelled.size();
  }

  /** {@code OriginateResponse}: the consult leg answered ({@code channel} is its name) or failed. */
  void originated(String actionId, boolean success, String channel, Integer reason) {
    if (actionId == null || !actionId.startsWith("onenumber-consult-")) {
      return;
    }
    if (cancelled.remove(actionId)) {
      if (success) {
        hangUp(channel, "cancelled consult leg");
      }
      return;
    }
    byContact.values().stream().filter(c -> c.actionId().equals(actionId)).findFirst().ifPresent(c -> {
      if (success) {
        byContact.computeIfPresent(c.contact(), (id, now) -> now.actionId().equals(actionId) ? now.answered(channel) : now);
        LOG.info("consult leg {} of {} answered", channel, c.contact());
      } else {
        byContact.computeIfPresent(c.contact(), (id, now) -> now.actionId().equals(actionId) ? now.hungUp() : now);
        LOG.info("consult leg of {} not reached: {}", c.contact(), HangupCauses.originateReason(reason));
      }
    });
  }

  /** {@code Hangup} of a channel: a consult leg that hangs up is forgotten (the operator may cancel). */
  void hangup(String channel) {
    byContact.values().stream().filter(c -> channel.equals(c.channel())).findFirst()
        .ifPresent(c -> byContact.computeIfPresent(c.contact(), (id, now) -> now.hungUp()));
  }

  void hangUp(String channel, String what) {
    link.send(new HangupAction(channel, 16), r -> {
      if (r instanceof org.asteriskjava.manager.response.ManagerError) {
        LOG.warn("hang-up of {} {} failed: {}", what, channel, r.getMessage());
      }
    });
  }
}
