package org.onenumber.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.event.ContactCreated;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.ContactJournal;

/**
 * What every {@link ContactJournal} must do. Subclasses give a fresh, empty journal and citizen
 * registry before each test (contacts refer to citizens, so the citizen is saved first).
 */
public abstract class ContactJournalContract {

  private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

  protected abstract ContactJournal journal();

  protected abstract CitizenRegistry citizens();

  private final CitizenId kim = new CitizenId("citizen-kim");
  private final CitizenId lee = new CitizenId("citizen-lee");

  @BeforeEach
  void registerCitizens() {
    citizens().save(new Citizen(kim, "김", Set.of(new CitizenIdentity.Phone("+821011112222")), Language.KOREAN,
        Consent.DEFAULT));
    citizens().save(new Citizen(lee, null, Set.of(new CitizenIdentity.ChatHandle("lee-chat")), Language.ENGLISH,
        Consent.DEFAULT));
  }

  private Contact created(String id, CitizenId citizen, Instant at) {
    return Contact.create(new ContactId(id), Channel.CHAT, citizen, Language.KOREAN,
        Set.of(SkillLevel.of("tax", 2)), 5, "재산세 납부 기한 문의", at);
  }

  private Contact queued(String id, CitizenId citizen, Instant at) {
    return created(id, citizen, at).moveTo(new ContactStep(ContactState.QUEUED, at, null, new QueueId("tax-ko"), "intake"));
  }

  @Test
  public void findsAnAppendedContactWithEveryStepAndField() {
    Contact contact = queued("c-1", kim, T0);
    journal().append(contact, List.of());
    assertEquals(contact, journal().find(contact.id()).orElseThrow());
  }

  @Test
  public void createStoresANewContactAsAppendDoesAndRefusesAStoredId() {
    Contact connected = queued("c-1", kim, T0)
        .moveTo(new ContactStep(ContactState.OFFERED, T0.plusSeconds(3), new AgentId("op-001"), null, null));
    journal().create(connected, List.of());
    assertEquals(connected, journal().find(connected.id()).orElseThrow());
    org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> journal().create(queued("c-1", lee, T0.plusSeconds(5)), List.of()));
    assertEquals(connected, journal().find(connected.id()).orElseThrow());
  }

  @Test
  public void appendingALaterSnapshotAddsItsNewSteps() {
    Contact queued = queued("c-1", kim, T0);
    journal().append(queued, List.of());
    Contact connected = queued
        .moveTo(new ContactStep(ContactState.OFFERED, T0.plusSeconds(3), new AgentId("op-001"), null, null))
        .moveTo(new ContactStep(ContactState.CONNECTED, T0.plusSeconds(9), new AgentId("op-001"), null, null));
    journal().append(connected, List.of());
    Contact found = journal().find(queued.id()).orElseThrow();
    assertEquals(connected, found);
    assertEquals(4, found.steps().size());
    assertEquals(new AgentId("op-001"), found.agent());
    assertEquals(T0.plusSeconds(9), found.firstAt(ContactState.CONNECTED).orElseThrow());
  }

  /**
   * Issue 11, session 21: a step keeps who made it happen ({@link ContactStep#by()}), read back by a
   * journal opened afresh (a restart) and among the open contacts routing rebuilds from; a step
   * that does not say keeps saying nothing.
   */
  @Test
  public void keepsWhoMadeAStepHappen() {
    Contact connected = queued("c-1", kim, T0)
        .moveTo(new ContactStep(ContactState.OFFERED, T0.plusSeconds(3), new AgentId("op-001"), null, null))
        .moveTo(new ContactStep(ContactState.CONNECTED, T0.plusSeconds(9), new AgentId("op-001"), null, null));
    journal().create(connected, List.of());
    Contact wrapping = connected.moveTo(new ContactStep(ContactState.WRAP_UP, T0.plusSeconds(60), null, null,
        "resolved", "op-001"));
    journal().append(wrapping, List.of());
    assertEquals(List.of(wrapping), journal().open(), "what routing rebuilds from");
    Contact closed = wrapping.moveTo(new ContactStep(ContactState.CLOSED, T0.plusSeconds(90), null, null, "resolved",
        ContactStep.BY_ROUTING));
    journal().append(closed, List.of());
    Contact closedAtOnce = queued("c-2", lee, T0).moveTo(new ContactStep(ContactState.CLOSED, T0.plusSeconds(5), null,
        null, "escalated", "sv-01"));
    journal().create(closedAtOnce, List.of());
    assertEquals(closed, journal().find(closed.id()).orElseThrow());
    assertEquals(closedAtOnce, journal().find(closedAtOnce.id()).orElseThrow());
    assertEquals(java.util.Arrays.asList(null, null, null, null, "op-001", ContactStep.BY_ROUTING),
        journal().find(closed.id()).orElseThrow().steps().stream().map(ContactStep::by).toList());
    assertEquals("sv-01", journal().find(closedAtOnce.id()).orElseThrow().steps().getLast().by());
  }

  @Test
  public void findsNothingForAnUnknownId() {
    assertTrue(journal().find(new ContactId("no-such-contact")).isEmpty());
  }

  @Test
  public void listsOpenContactsOldestFirstWithoutClosedOrAbandonedOnes() {
    journal().append(queued("c-late", kim, T0.plusSeconds(20)), List.of());
    journal().append(queued("c-early", lee, T0), List.of());
    journal().append(queued("c-gone", kim, T0.plusSeconds(5)).moveTo(ContactState.ABANDONED, T0.plusSeconds(30)),
        List.of());
    journal().append(queued("c-done", lee, T0.plusSeconds(6)).moveTo(ContactState.CLOSED, T0.plusSeconds(40)),
        List.of());
    assertEquals(List.of("c-early", "c-late"), journal().open().stream().map(c -> c.id().value()).toList());
  }

  @Test
  public void listsACitizensContactsNewestFirstUpToTheLimit() {
    for (int i = 0; i < 4; i++) {
      journal().append(queued("kim-" + i, kim, T0.plus(Duration.ofMinutes(i))), List.of());
    }
    journal().append(queued("lee-0", lee, T0.plusSeconds(1)), List.of());
    assertEquals(List.of("kim-3", "kim-2", "kim-1"),
        journal().byCitizen(kim, 3).stream().map(c -> c.id().value()).toList());
  }

  @Test
  public void acceptsTheEventsThatCameWithAChange() {
    Contact contact = queued("c-1", kim, T0);
    journal().append(contact, List.of(new ContactCreated(contact.id(), Channel.CHAT, kim, Language.KOREAN, 5, T0)));
    assertEquals(ContactState.QUEUED, journal().find(contact.id()).orElseThrow().state());
  }
}
