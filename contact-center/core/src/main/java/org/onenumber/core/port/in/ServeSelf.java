package org.onenumber.core.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.Language;
import org.onenumber.core.selfservice.SelfServiceAnswer;
import org.onenumber.core.selfservice.SelfServiceTopic;

/** A caller answers their own question in the IVR's topic menu (see {@code core.selfservice}). */
public interface ServeSelf {

  /** No topics: every carrier skips the topic menu. */
  ServeSelf NONE = new ServeSelf() {
    @Override
    public List<SelfServiceTopic> topics(Language language) {
      return List.of();
    }

    @Override
    public Optional<SelfServiceAnswer> answer(String digit, Language language) {
      return Optional.empty();
    }

    @Override
    public Contact served(OpenContactCommand command, Instant heardFrom) {
      throw new IllegalStateException("no self-service topics configured");
    }
  };

  /** The topics offered to a caller speaking {@code language}, in digit order; empty: no menu. */
  List<SelfServiceTopic> topics(Language language);

  /** The answer {@code digit} chooses, if that topic has a published, valid answer in {@code language}. */
  Optional<SelfServiceAnswer> answer(String digit, Language language);

  /**
   * Journals a call that ended after an answer without an operator: a contact created at {@code
   * heardFrom} (no later than now) and closed now as self-served, durable when this returns.
   */
  Contact served(OpenContactCommand command, Instant heardFrom);
}
