package org.onenumber.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.in.RecordHappyCallAnswer;

/**
 * {@link RecordHappyCallAnswer} that writes down what the carriers' survey scripts reported, as
 * {@code "<contact> <score>"} or {@code "<contact> not answered"}, and accepts every report.
 * Thread-safe.
 */
public final class RecordingHappyCallAnswers implements RecordHappyCallAnswer {

  private final List<String> heard = new CopyOnWriteArrayList<>();

  @Override
  public boolean scored(ContactId contact, int score) {
    return heard.add(contact.value() + " " + score);
  }

  @Override
  public boolean notAnswered(ContactId contact) {
    return heard.add(contact.value() + " not answered");
  }

  @Override
  public boolean notAnswered(ContactId contact, int call) {
    return heard.add(contact.value() + " call " + call + " not answered");
  }

  /** Every report so far, oldest first. */
  public List<String> heard() {
    return List.copyOf(heard);
  }
}
