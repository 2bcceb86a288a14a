package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.port.in.RecordHappyCallAnswer;
import org.onenumber.core.welfare.CallOutcome;

/** An Originate Asterisk could not connect reaches the program whose call it was, with the reason mapped. */
class OriginateFailuresTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final RecordCheckIn welfare = new RecordCheckIn() {
    @Override
    public boolean record(ContactId contact, CallOutcome outcome) {
      return contact.value().startsWith("w-") && heard.add("welfare " + contact.value() + " " + outcome);
    }

    @Override
    public boolean reply(CitizenIdentity.Phone from, String body) {
      return false;
    }
  };
  private final RecordHappyCallAnswer happyCalls = new RecordHappyCallAnswer() {
    @Override
    public boolean scored(ContactId contact, int score) {
      return false;
    }

    @Override
    public boolean notAnswered(ContactId contact) {
      return heard.add("happy " + contact.value());
    }

    @Override
    public boolean notAnswered(ContactId contact, int call) {
      return heard.add("happy " + contact.value() + " call " + call);
    }
  };

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void aWelfareCheckInGetsItsOutcomeAndAHappyCallCountsNotAnswered() {
    OriginateFailures failures = new OriginateFailures(vertx, welfare, happyCalls);
    failures.accept(new ContactId("w-1"), "3");
    await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 1);
    failures.accept(new ContactId("w-2"), "5");
    await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 2);
    failures.accept(new ContactId("h-1"), "0");
    await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 3);
    assertEquals(List.of("welfare w-1 NO_ANSWER", "welfare w-2 BUSY", "happy h-1"), heard);
    assertEquals(CallOutcome.FAILED, OriginateFailures.outcome("8"));
  }
}
