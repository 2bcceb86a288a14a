package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.Partitions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.core.routing.RoutingEngine;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.TestData;

/**
 * Two partitions' engines over one shared record ({@link PartitionRecord}): each routes only its
 * queues and operators and writes fenced with its own partition; a takeover rebuild of one
 * partition holds exactly its waiting contacts (their waits kept) and operators, nothing of the other.
 */
class PartitionRecordTest {

  private final ManualClock clock = new ManualClock();
  private final Partitions city = Partitions.parse("korean: q-ko; sign: q-sign");
  private final Agent kim = TestData.agent("kim", Set.of(Language.KOREAN), Set.of(), "q-ko");
  private final Agent lee = TestData.agent("lee", Set.of(Language.KOREAN), Set.of(), "q-sign");
  private final Agent park = TestData.agent("park", Set.of(Language.KOREAN), Set.of(), "q-en");
  private final FlakyRoutingRecord whole = new FlakyRoutingRecord(
      List.of(config("q-ko"), config("q-sign"), config("q-en")), List.of(kim, lee, park));

  @Test
  void eachPartitionsEngineRoutesItsOwnAndATakeoverRebuildsOnlyThatPartition() {
    JournaledEngine korean = engine("korean");
    JournaledEngine sign = engine("sign");
    korean.handle(new RoutingCommand.LogIn(kim, Set.of(), null));
    sign.handle(new RoutingCommand.LogIn(lee, Set.of(), "lunch"));
    Contact first = arrive(korean, "c1", "q-ko");
    clock.advance(Duration.ofSeconds(40));
    Contact waiting = arrive(sign, "c2", "q-sign");
    clock.advance(Duration.ofSeconds(20));
    arrive(sign, "c3", "q-sign");

    assertEquals(Optional.of(ContactState.OFFERED), korean.engine().contact(first.id()).map(Contact::state));
    assertEquals(Optional.of(kim.id()), korean.engine().contact(first.id()).map(Contact::agent));
    assertTrue(korean.engine().contact(waiting.id()).isEmpty(), "korean's engine holds no sign contact");
    assertTrue(korean.engine().agent(lee.id()).isEmpty(), "nor sign's operator");
    assertEquals(Set.of("korean", "sign"), Set.copyOf(whole.partitionsWritten), "each wrote fenced as its partition");

    clock.advance(Duration.ofSeconds(5)); // sign's owner died; the next owner rebuilds sign from the record
    RoutingEngine rebuilt = engine("sign").engine();
    assertEquals(2, rebuilt.waitingCount(), "both waits carried over");
    assertEquals(waiting, rebuilt.contact(waiting.id()).orElseThrow(), "as journaled: its queued time and place kept");
    assertTrue(rebuilt.contact(first.id()).isEmpty(), "nothing of korean in sign's rebuild");
    assertEquals(Optional.of(lee.id()), rebuilt.agent(lee.id()).map(AgentStatus::agent));
    assertTrue(rebuilt.agent(kim.id()).isEmpty());
    assertEquals(Optional.of(ContactState.OFFERED), korean.engine().contact(first.id()).map(Contact::state),
        "korean routed on, untouched");

    RoutingEngine fallback = engine("routing").engine();
    assertEquals(0, fallback.waitingCount());
    assertTrue(fallback.contact(first.id()).isEmpty() && fallback.agent(lee.id()).isEmpty(),
        "the default partition holds only the queues no partition names");
  }

  @Test
  void aPartitionRecordNamesOnlyAConfiguredPartitionAndWritesOnlyItsOwn() {
    assertEquals("no routing partition foreign in [korean, routing, sign]", assertThrows(IllegalArgumentException.class,
        () -> new PartitionRecord(whole, city, "foreign")).getMessage());
    PartitionRecord sign = new PartitionRecord(whole, city, "sign");
    assertThrows(IllegalArgumentException.class, () -> sign.write("korean", null, List.of(), Set.of()));
  }

  private JournaledEngine engine(String partition) {
    return new JournaledEngine(() -> new RoutingEngine(clock, new SplittableRandom(1)),
        new PartitionRecord(whole, city, partition), (engine, decisions) -> { });
  }

  private Contact arrive(JournaledEngine routing, String id, String queue) {
    Contact contact = Contact.create(new ContactId(id), Channel.values()[0], new CitizenId("citizen-" + id),
        Language.KOREAN, Set.of(), 0, "topic", clock.instant())
        .moveTo(new ContactStep(ContactState.QUEUED, clock.instant(), null, new QueueId(queue), "intake"));
    whole.intake(contact);
    routing.handle(new RoutingCommand.Arrive(contact));
    return whole.open.get(contact.id());
  }

  private static QueueConfig config(String id) {
    return QueueConfig.defaults(new Queue(new QueueId(id), id, Set.of(Language.KOREAN), Set.of(Channel.values()),
        List.of(), 0, Duration.ofSeconds(15)));
  }
}
