package org.onenumber.server.telephony;

import io.vertx.core.Vertx;
import java.util.function.BiConsumer;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.port.in.RecordHappyCallAnswer;
import org.onenumber.core.welfare.CallOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A check-in or happy-call {@code Originate} Asterisk could not connect, handed from the AMI reader
 * thread to a Vert.x worker: the welfare program records it (reason 3 → {@code NO_ANSWER}, 5 →
 * {@code BUSY}, else {@code FAILED}; its retry ladder goes on) and the happy-call program counts a
 * call not answered; each ignores a contact that is not its own (both answer false). A failure is
 * logged; the programs' own expiry catches what is lost.
 */
final class OriginateFailures implements BiConsumer<ContactId, String> {

  private static final Logger LOG = LoggerFactory.getLogger(OriginateFailures.class);

  private final Vertx vertx;
  private final RecordCheckIn welfare;
  private final RecordHappyCallAnswer happyCalls;

  OriginateFailures(Vertx vertx, RecordCheckIn welfare, RecordHappyCallAnswer happyCalls) {
    this.vertx = vertx;
    this.welfare = welfare;
    this.happyCalls = happyCalls;
  }

  @Override
  public void accept(ContactId contact, String reason) {
    vertx.executeBlocking(() -> welfare.record(contact, outcome(reason)) || happyCalls.notAnswered(contact))
        .onFailure(e -> LOG.warn("call {} not placed (reason {}), not recorded: {}", contact, reason, e.getMessage()));
  }

  static CallOutcome outcome(String reason) {
    return switch (reason == null ? "" : reason.strip()) {
      case "3" -> CallOutcome.NO_ANSWER;
      case "5" -> CallOutcome.BUSY;
      default -> CallOutcome.FAILED;
    };
  }
}
