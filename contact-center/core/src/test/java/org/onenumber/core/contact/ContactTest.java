package org.onenumber.core.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

class ContactTest {

  private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
  private static final AgentId AGENT = new AgentId("op-001");
  private static final AgentId OTHER_AGENT = new AgentId("op-002");
  private static final QueueId QUEUE = new QueueId("general-ko");

  private static Contact fresh() {
    return Contact.create(new ContactId("c1"), Channel.VOICE, new CitizenId("z1"), Language.KOREAN,
        Set.of(SkillLevel.of("transport", 2)), 5, "bus", T0);
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static Contact offered() {
    return fresh()
        .moveTo(new ContactStep(ContactState.QUEUED, at(1), null, QUEUE, "intake"))
        .moveTo(new ContactStep(ContactState.OFFERED, at(10), AGENT, null, null));
  }

  @Test
  void startsCreatedWithOneStepAndNoQueueOrAgent() {
    Contact contact = fresh();
    assertEquals(ContactState.CREATED, contact.state());
    assertEquals(List.of(new ContactStep(ContactState.CREATED, T0, null, null, null)), contact.steps());
    assertEquals(T0, contact.createdAt());
    assertEquals(T0, contact.updatedAt());
    assertNull(contact.queue());
    assertNull(contact.agent());
  }

  @Test
  void rejectsConnectingAContactThatWasNeverOffered() {
    Contact queued = fresh().moveTo(ContactState.QUEUED, at(1));
    assertThrows(IllegalTransitionException.class, () -> queued.moveTo(ContactState.CONNECTED, at(2)));
  }

  @Test
  void rejectsAnyMoveOutOfATerminalState() {
    Contact closed = fresh().moveTo(ContactState.CLOSED, at(1));
    for (ContactState next : ContactState.values()) {
      assertThrows(IllegalTransitionException.class, () -> closed.moveTo(next, at(2)), next.name());
    }
  }

  @Test
  void rejectsAStepDatedBeforeTheLastOne() {
    Contact queued = fresh().moveTo(ContactState.QUEUED, at(10));
    assertThrows(InvalidInputException.class, () -> queued.moveTo(ContactState.OFFERED, at(9)));
  }

  @Test
  void acceptsAStepAtTheSameInstantAsTheLastOne() {
    Contact queued = fresh().moveTo(ContactState.QUEUED, T0);
    assertEquals(ContactState.QUEUED, queued.state());
    assertEquals(2, queued.steps().size());
  }

  @Test
  void leavesTheOriginalUntouchedWhenMoving() {
    Contact original = fresh();
    Contact moved = original.moveTo(ContactState.QUEUED, at(1));
    assertEquals(ContactState.CREATED, original.state());
    assertEquals(1, original.steps().size());
    assertEquals(ContactState.QUEUED, moved.state());
    assertEquals(at(1), moved.updatedAt());
    assertEquals(T0, moved.createdAt());
  }

  @Test
  void keepsTheFirstInstantOfEachStep() {
    Contact bounced = offered()
        .moveTo(new ContactStep(ContactState.QUEUED, at(30), null, null, "ring-no-answer"))
        .moveTo(new ContactStep(ContactState.OFFERED, at(40), OTHER_AGENT, null, null));
    assertEquals(Optional.of(at(1)), bounced.firstAt(ContactState.QUEUED));
    assertEquals(Optional.of(at(30)), bounced.lastAt(ContactState.QUEUED));
    assertEquals(Optional.of(at(10)), bounced.firstAt(ContactState.OFFERED));
    assertEquals(Optional.of(at(40)), bounced.lastAt(ContactState.OFFERED));
    assertEquals(Optional.empty(), bounced.firstAt(ContactState.CONNECTED));
    assertEquals(Optional.empty(), bounced.lastAt(ContactState.CONNECTED));
  }

  @Test
  void measuresWaitingFromTheFirstQueuedStep() {
    Contact bounced = offered().moveTo(ContactState.QUEUED, at(30));
    assertEquals(Duration.ofSeconds(99), bounced.waitingSince(at(100)));
  }

  @Test
  void measuresWaitingFromCreationWhenNeverQueued() {
    assertEquals(Duration.ofSeconds(45), fresh().waitingSince(at(45)));
  }

  @Test
  void takesTheQueueAndAgentNamedByAStep() {
    Contact contact = offered();
    assertEquals(QUEUE, contact.queue());
    assertEquals(AGENT, contact.agent());
    assertEquals("intake", contact.steps().get(1).reason());
  }

  @Test
  void clearsTheAgentWhenAnOfferedContactReturnsToTheQueue() {
    Contact requeued = offered().moveTo(ContactState.QUEUED, at(20));
    assertNull(requeued.agent());
    assertEquals(QUEUE, requeued.queue());
  }

  @Test
  void keepsTheAgentThroughConnectedHeldAndWrapUp() {
    Contact contact = offered().moveTo(ContactState.CONNECTED, at(12));
    assertEquals(AGENT, contact.agent());
    contact = contact.moveTo(ContactState.HELD, at(20));
    assertEquals(AGENT, contact.agent());
    contact = contact.moveTo(ContactState.CONNECTED, at(30));
    assertEquals(AGENT, contact.agent());
    contact = contact.moveTo(ContactState.WRAP_UP, at(40));
    assertEquals(AGENT, contact.agent());
  }

  @Test
  void clearsTheAgentOnTransferAndKeepsTheLastQueueUnlessANewOneIsNamed() {
    Contact connected = offered().moveTo(ContactState.CONNECTED, at(12));
    Contact transferred = connected.moveTo(ContactState.TRANSFERRED, at(20));
    assertNull(transferred.agent());
    assertEquals(QUEUE, transferred.queue());
    QueueId water = new QueueId("water-ko");
    Contact requeued = transferred.moveTo(new ContactStep(ContactState.QUEUED, at(21), null, water, null));
    assertEquals(water, requeued.queue());
  }

  @Test
  void takesTheAgentNamedByAStepEvenWhenLeavingAnotherAgent() {
    Contact connected = offered().moveTo(ContactState.CONNECTED, at(12));
    Contact transferred = connected.moveTo(new ContactStep(ContactState.TRANSFERRED, at(20), OTHER_AGENT, null, null));
    assertEquals(OTHER_AGENT, transferred.agent());
  }

  @Test
  void keepsItsIdentityFieldsAcrossMoves() {
    Contact contact = offered();
    assertEquals(new ContactId("c1"), contact.id());
    assertEquals(Channel.VOICE, contact.channel());
    assertEquals(new CitizenId("z1"), contact.citizen());
    assertEquals(Language.KOREAN, contact.language());
    assertEquals(Set.of(SkillLevel.of("transport", 2)), contact.requiredSkills());
    assertEquals(5, contact.priority());
    assertEquals("bus", contact.topic());
  }

  @Test
  void rejectsStepsThatDoNotStartCreated() {
    List<ContactStep> steps = List.of(new ContactStep(ContactState.QUEUED, T0, null, null, null));
    assertThrows(InvalidInputException.class, () -> new Contact(new ContactId("c1"), Channel.SMS,
        new CitizenId("z1"), Language.KOREAN, Set.of(), 0, null, null, null, steps));
    assertThrows(InvalidInputException.class, () -> new Contact(new ContactId("c1"), Channel.SMS,
        new CitizenId("z1"), Language.KOREAN, Set.of(), 0, null, null, null, List.of()));
  }

  @Test
  void rejectsMissingRequiredFields() {
    assertThrows(InvalidInputException.class, () -> Contact.create(null, Channel.SMS, new CitizenId("z1"),
        Language.KOREAN, Set.of(), 0, null, T0));
    assertThrows(InvalidInputException.class, () -> Contact.create(new ContactId("c1"), null, new CitizenId("z1"),
        Language.KOREAN, Set.of(), 0, null, T0));
    assertThrows(InvalidInputException.class, () -> Contact.create(new ContactId("c1"), Channel.SMS, null,
        Language.KOREAN, Set.of(), 0, null, T0));
    assertThrows(InvalidInputException.class, () -> Contact.create(new ContactId("c1"), Channel.SMS,
        new CitizenId("z1"), null, Set.of(), 0, null, T0));
    assertThrows(InvalidInputException.class, () -> new ContactId(" "));
    assertThrows(InvalidInputException.class, () -> new ContactStep(ContactState.QUEUED, null, null, null, null));
    assertThrows(InvalidInputException.class, () -> new ContactStep(null, T0, null, null, null));
  }

  @Test
  void stepsCannotBeChangedFromOutside() {
    Contact contact = fresh();
    assertThrows(UnsupportedOperationException.class,
        () -> contact.steps().add(new ContactStep(ContactState.QUEUED, T0, null, null, null)));
    assertTrue(contact.requiredSkills().contains(SkillLevel.of("transport", 2)));
  }

  @Test
  void onlyVoiceAndVideoAreExclusiveChannels() {
    for (Channel channel : Channel.values()) {
      assertEquals(channel == Channel.VOICE || channel == Channel.VIDEO, channel.isExclusive(), channel.name());
    }
  }
}
