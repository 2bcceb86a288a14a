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
  private java.util.function.Consumer<Outbound> listener = m -> { };

  /** {@code listener} sees every message sent from now on (a simulated citizen replying). */
  public synchronized void onSend(java.util.function.Consumer<Outbound> listener) {
    this.listener = listener;
  }

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
    listener.accept(message);
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
