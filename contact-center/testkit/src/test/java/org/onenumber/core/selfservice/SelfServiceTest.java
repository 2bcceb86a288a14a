package org.onenumber.core.selfservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.testkit.AnswerTestData;
import org.onenumber.testkit.DirectTransactions;
import org.onenumber.testkit.FakeAnswerStore;
import org.onenumber.testkit.FakeCitizenRegistry;
import org.onenumber.testkit.FakeContactJournal;
import org.onenumber.testkit.FakeDirectory;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.RecordingEventPublisher;

/** The topic configuration line, answers from the answer database, and the self-served contact. */
class SelfServiceTest {

  private final ManualClock clock = new ManualClock(AnswerTestData.AT.plus(Duration.ofDays(1)));
  private final FakeAnswerStore answers = new FakeAnswerStore();
  private final FakeContactJournal journal = new FakeContactJournal();
  private final RecordingEventPublisher events = new RecordingEventPublisher();
  private final ContactIntake intake = new ContactIntake(new DirectTransactions(), new FakeCitizenRegistry(), journal,
      new FakeDirectory(), events, clock, new SplittableRandom(10));

  private SelfService service(String topics) {
    return new SelfService(SelfServiceTopics.parse(topics), answers, intake, clock);
  }

  @Test
  void readsTheConfigurationLineAndOffersOnlyTheCallersLanguageInDigitOrder() {
    SelfServiceTopics topics = SelfServiceTopics.parse(
        "2 recycling ko=demo-recycling-ko; 1 water-bill ko=demo-water-bill-ko en=demo-water-bill-en ;");
    assertEquals(List.of("water-bill", "recycling"), topics.in(Language.KOREAN).stream().map(SelfServiceTopic::key).toList());
    assertEquals(List.of("water-bill"), topics.in(Language.ENGLISH).stream().map(SelfServiceTopic::key).toList());
    assertTrue(topics.in(Language.CHINESE).isEmpty());
    assertTrue(topics.byDigit("2", Language.ENGLISH).isEmpty(), "recycling has no English answer");
    assertTrue(SelfServiceTopics.parse("  ").all().isEmpty());
  }

  @Test
  void refusesDigitsZeroAndNineDuplicatesAndMalformedAnswers() {
    assertThrows(InvalidInputException.class, () -> SelfServiceTopics.parse("0 operator ko=a"));
    assertThrows(InvalidInputException.class, () -> SelfServiceTopics.parse("9 again ko=a"));
    assertThrows(InvalidInputException.class, () -> SelfServiceTopics.parse("1 a ko=x; 1 b ko=y"));
    assertThrows(InvalidInputException.class, () -> SelfServiceTopics.parse("1 water-bill"));
    assertThrows(InvalidInputException.class, () -> SelfServiceTopics.parse("1 water-bill ko"));
    assertThrows(InvalidInputException.class, () -> SelfServiceTopics.parse("1 Water_Bill ko=x"));
  }

  @Test
  void answersOnlyWithAPublishedAnswerAsPlainText() {
    answers.save(AnswerTestData.published("a-1", AnswerTestData.withExternalId(AnswerTestData.content(
        "How to pay your water bill", "Pay **online** or see [the portal](https://city.example).\n\nBanks too.",
        "water"), "demo-water-bill-en")), "created");
    SelfService service = service("1 water-bill en=demo-water-bill-en; 2 missing en=nowhere");
    SelfServiceAnswer answer = service.answer("1", Language.ENGLISH).orElseThrow();
    assertEquals("How to pay your water bill", answer.title());
    assertEquals("Pay online or see the portal. Banks too.", answer.text());
    assertTrue(service.answer("2", Language.ENGLISH).isEmpty(), "no such answer: an operator instead");
    answers.save(AnswerTestData.withStatus(answers.find(new AnswerId("a-1")).orElseThrow(), ReviewStatus.EXPIRED),
        "expired");
    assertTrue(service.answer("1", Language.ENGLISH).isEmpty(), "an expired answer is not read to callers");
  }

  @Test
  void aServedCallIsOneContactCreatedWhenTheAnswerStartedAndClosedNowAsSelfServed() {
    Instant heard = clock.instant();
    clock.advance(Duration.ofSeconds(45));
    Contact served = service("1 water-bill en=x").served(new OpenContactCommand(Channel.VOICE,
        new CitizenIdentity.Phone("+821012345678"), null, Language.ENGLISH, "ivr:self-service:water-bill", null, null,
        null), heard);
    Contact stored = journal.find(served.id()).orElseThrow();
    assertEquals(List.of(ContactState.CREATED, ContactState.CLOSED), stored.steps().stream().map(s -> s.state()).toList());
    assertEquals(heard, stored.createdAt());
    assertEquals("self-served", stored.steps().get(1).reason());
    assertEquals(null, stored.queue(), "never queued");
    ContactStateChanged closed = events.events().stream().filter(ContactStateChanged.class::isInstance)
        .map(ContactStateChanged.class::cast).findFirst().orElseThrow();
    assertEquals(ContactState.CREATED, closed.from());
    assertEquals(ContactState.CLOSED, closed.to());
  }
}
