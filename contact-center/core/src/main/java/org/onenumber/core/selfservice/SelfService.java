package org.onenumber.core.selfservice;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.Language;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.in.ServeSelf;
import org.onenumber.core.port.out.AnswerStore;

/**
 * The topic menu's answers from the answer database, and the self-served contact (cases in the
 * package documentation). Thread-safe: holds no mutable state. An answer that is missing,
 * unpublished or out of its validity is not offered (the caller goes to an operator instead).
 */
public final class SelfService implements ServeSelf {

  /** The closing reason of a contact served by the IVR alone. */
  public static final String SELF_SERVED = "self-served";

  private final SelfServiceTopics topics;
  private final AnswerStore answers;
  private final ContactIntake intake;
  private final InstantSource clock;

  public SelfService(SelfServiceTopics topics, AnswerStore answers, ContactIntake intake, InstantSource clock) {
    this.topics = topics;
    this.answers = answers;
    this.intake = intake;
    this.clock = clock;
  }

  @Override
  public List<SelfServiceTopic> topics(Language language) {
    return topics.in(language);
  }

  @Override
  public Optional<SelfServiceAnswer> answer(String digit, Language language) {
    return topics.byDigit(digit, language).flatMap(topic -> answers.findByExternalId(topic.answers().get(language))
        .filter(a -> a.isLiveAt(clock.instant()))
        .map(a -> new SelfServiceAnswer(topic.key(), language, a.title(), plain(a))));
  }

  @Override
  public Contact served(OpenContactCommand command, Instant heardFrom) {
    return intake.openClosed(command, heardFrom, SELF_SERVED);
  }

  /** The body without Markdown's marks, lines joined: what a voice reads and an SMS carries. */
  static String plain(Answer answer) {
    return answer.content().body().replaceAll("[*_`#>]", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")
        .replaceAll("\\s+", " ").strip();
  }
}
