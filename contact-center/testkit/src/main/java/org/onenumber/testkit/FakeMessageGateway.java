package org.onenumber.testkit;

import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.MessageGateway;

/** Records outbound messages; can be told to fail the next sends. Thread-safe. */
public final class FakeMessageGateway implements MessageGateway {

  private final List<Outbound> sent = new ArrayList<>();
  private int failNext;
  private java.util.function.Consumer<Outbound> listener = m -> { };

  /** {@code listener} sees every message sent from now on (a simulated citizen replying). */
  public synchronized void onSend(java.util.function.Consumer<Outbound> listener) {
    this.listener = listener;
  }

  @Override
  public synchronized Receipt send(Outbound message) {
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

  public synchronized List<Outbound> sent() {
    return List.copyOf(sent);
  }
}
