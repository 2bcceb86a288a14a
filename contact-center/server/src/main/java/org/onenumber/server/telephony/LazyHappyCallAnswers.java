package org.onenumber.server.telephony;

import jakarta.inject.Provider;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.in.RecordHappyCallAnswer;

/**
 * The happy-call program as the carriers' survey scripts see it, looked up at the first answer: the
 * program places its calls through the carriers, whose scripts report back to it, and a lookup on
 * use breaks that circle (as {@link LazyCheckIns} does for the welfare program). Thread-safe.
 */
final class LazyHappyCallAnswers implements RecordHappyCallAnswer {

  private final Provider<RecordHappyCallAnswer> program;

  LazyHappyCallAnswers(Provider<RecordHappyCallAnswer> program) {
    this.program = program;
  }

  @Override
  public boolean scored(ContactId contact, int score) {
    return program.get().scored(contact, score);
  }

  @Override
  public boolean notAnswered(ContactId contact) {
    return program.get().notAnswered(contact);
  }

  @Override
  public boolean notAnswered(ContactId contact, int call) {
    return program.get().notAnswered(contact, call);
  }
}
