package org.onenumber.core.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.event.CaseOpened;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.messaging.CitizenTexts;
import org.onenumber.core.messaging.MessageContext;
import org.onenumber.core.messaging.MessageReplies;
import org.onenumber.core.port.in.EscalateCaseCommand;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.testkit.DirectTransactions;
import org.onenumber.testkit.FakeCaseRegistry;
import org.onenumber.testkit.FakeCitizenRegistry;
import org.onenumber.testkit.FakeContactJournal;
import org.onenumber.testkit.FakeDirectory;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.FakeMessageStore;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.RecordingEventPublisher;
import org.onenumber.testkit.TestData;

class CaseEscalationTest {

  private final ManualClock clock = new ManualClock();
  private final DirectTransactions tx = new DirectTransactions();
  private final FakeCitizenRegistry citizens = new FakeCitizenRegistry();
  private final FakeContactJournal journal = new FakeContactJournal();
  private final FakeMessageStore store = new FakeMessageStore();
  private final FakeMessageGateway gateway = new FakeMessageGateway();
  private final RecordingEventPublisher events = new RecordingEventPublisher();
  private final FakeCaseRegistry cases = new FakeCaseRegistry();
  private final FakeDirectory directory = new FakeDirectory()
      .add(TestData.queue("general-en", Language.ENGLISH, Channel.SMS)).add(TestData.department("water"));
  private final java.util.SplittableRandom random = new java.util.SplittableRandom(7);
  private final CaseEscalation escalation = new CaseEscalation(tx, journal, directory, cases,
      new MessageReplies(new MessageContext(citizens, journal, store, gateway, events, clock, random)), events, clock,
      java.time.ZoneOffset.UTC);

  private Contact smsContact() {
    return new ContactIntake(tx, citizens, journal, directory, events, clock, random).open(new OpenContactCommand(
        Channel.SMS, new CitizenIdentity.Phone("+821055554444"), null, Language.ENGLISH, "leak", null, null, null));
  }

  @Test
  void escalationOpensACaseDueAfterTheDepartmentsDefaultAndLinksTheContact() {
    Contact contact = smsContact();
    Case c = escalation.escalate(new EscalateCaseCommand(contact.id(), new DepartmentId("water"), "leak",
        "Water leaking in the street", null, "op-001"));
    assertEquals(clock.instant().plus(Duration.ofDays(3)), c.dueAt());
    assertEquals(List.of(contact.id()), c.contacts());
    assertEquals(contact.citizen(), c.citizen());
    assertEquals(CaseStatus.OPEN, c.status());
    assertEquals("C-20261123-0001", c.id().value());
    assertEquals(c, cases.find(c.id()).orElseThrow());
    assertEquals(1, events.ofType(CaseOpened.class).size());
  }

  @Test
  void theCitizenIsToldTheCaseNumberInTheirLanguage() {
    Contact contact = smsContact();
    Case c = escalation.escalate(new EscalateCaseCommand(contact.id(), new DepartmentId("water"), "leak",
        "Leak", null, "op-001"));
    assertEquals(CitizenTexts.of(CitizenTexts.Text.CASE_OPENED, Language.ENGLISH, c.id().value()),
        gateway.sent().get(0).body());
  }

  @Test
  void anUnknownDepartmentOpensNoCase() {
    Contact contact = smsContact();
    assertThrows(NotFoundException.class, () -> escalation.escalate(new EscalateCaseCommand(contact.id(),
        new DepartmentId("nope"), "x", "y", null, "op-001")));
    assertEquals(0, cases.byDepartment(new DepartmentId("water"), 10).size());
  }

  @Test
  void aContactTheCallerHoldsIsUsedAsGivenAndMustBeTheCommands() {
    Contact held = Contact.create(new org.onenumber.core.contact.ContactId("c-held"), Channel.WEB_FORM,
        new org.onenumber.core.citizen.CitizenId("citizen-held"), Language.KOREAN, java.util.Set.of(), 0, "pothole",
        clock.instant());
    // not in the journal: an escalation that read it again would not find it
    Case c = escalation.escalate(new EscalateCaseCommand(held.id(), new DepartmentId("water"), "leak", "Leak", null,
        "open311"), held);
    assertEquals(List.of(held.id()), c.contacts());
    assertEquals(held.citizen(), c.citizen());
    assertThrows(IllegalArgumentException.class, () -> escalation.escalate(new EscalateCaseCommand(
        new org.onenumber.core.contact.ContactId("c-other"), new DepartmentId("water"), "leak", "Leak", null,
        "open311"), held));
  }
}
