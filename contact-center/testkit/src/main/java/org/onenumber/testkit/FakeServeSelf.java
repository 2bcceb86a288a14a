package org.onenumber.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.in.ServeSelf;
import org.onenumber.core.selfservice.SelfServiceAnswer;
import org.onenumber.core.selfservice.SelfServiceTopic;
import org.onenumber.core.selfservice.SelfServiceTopics;

/**
 * Self-service topics from a configuration line with answers given by the test; records every
 * self-served call instead of journaling it. Thread-safe.
 */
public final class FakeServeSelf implements ServeSelf {

  private final SelfServiceTopics topics;
  private final Map<String, SelfServiceAnswer> answers = new ConcurrentHashMap<>();
  private final List<OpenContactCommand> served = new CopyOnWriteArrayList<>();

  /** {@code topics} as {@code SelfServiceTopics.parse} reads them. */
  public FakeServeSelf(String topics) {
    this.topics = SelfServiceTopics.parse(topics);
  }

  /** The answer of topic {@code key} in {@code language}. */
  public FakeServeSelf answer(String key, Language language, String title, String text) {
    answers.put(key + "|" + language.code(), new SelfServiceAnswer(key, language, title, text));
    return this;
  }

  @Override
  public List<SelfServiceTopic> topics(Language language) {
    return topics.in(language);
  }

  @Override
  public Optional<SelfServiceAnswer> answer(String digit, Language language) {
    return topics.byDigit(digit, language).map(t -> answers.get(t.key() + "|" + language.code()));
  }

  @Override
  public Contact served(OpenContactCommand command, Instant heardFrom) {
    served.add(command);
    return Contact.create(new ContactId("self-" + served.size()), command.channel(), new CitizenId("fake"),
        command.language(), command.requiredSkills(), 0, command.topic(), heardFrom)
        .moveTo(new ContactStep(ContactState.CLOSED, heardFrom, null, null, "self-served"));
  }

  /** The calls journaled as self-served so far, oldest first. */
  public List<OpenContactCommand> served() {
    return List.copyOf(served);
  }
}
