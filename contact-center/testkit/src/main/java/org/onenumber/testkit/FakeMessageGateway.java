package org.onenumber.testkit;

import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.MessageGateway;

/** Records outbound messages; can be told to fail the next sends. Thread-safe. */
public final class FakeMessageGateway implements MessageGateway {

  private final List<Outbound> sent = new ArrayList<>();
  private int failNext;
  private boolean refuseNext;

  @Override
  public synchronized Receipt send(Outbound message) {
    if (refuseNext) {
      refuseNext = false;
      throw new PermanentException("twilio_21610", "fake gateway refused the recipient", null);
    }
    if (failNext > 0) {
      failNext--;
      throw new RetriableException("fake gateway told to fail", null);
    }
    sent.add(message);
    return new Receipt("FAKE" + sent.size(), "queued");
  }

  public synchronized void failNext(int times) {
    failNext = times;
  }

  /** The next send is refused for good, as Twilio refuses an unsubscribed number. */
  public synchronized void refuseNext() {
    refuseNext = true;
  }

  public synchronized List<Outbound> sent() {
    return List.copyOf(sent);
  }
}
