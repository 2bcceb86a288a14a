package org.onenumber.core.messaging;

import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.onenumber.core.casework.CaseEscalation;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.port.in.ReceiveMessage;
import org.onenumber.core.port.in.ReceiveMessageCommand;
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

/** The messaging use cases wired to fakes, as the server wires them to real adapters. */
final class MessagingWorld {

  static final String PHONE = "+821012345678";

  final ManualClock clock = new ManualClock();
  final DirectTransactions transactions = new DirectTransactions();
  final FakeCitizenRegistry citizens = new FakeCitizenRegistry();
  final FakeContactJournal journal = new FakeContactJournal();
  final FakeMessageStore store = new FakeMessageStore();
  final FakeMessageGateway gateway = new FakeMessageGateway();
  final RecordingEventPublisher events = new RecordingEventPublisher();
  final FakeCaseRegistry cases = new FakeCaseRegistry();
  final FakeDirectory directory = new FakeDirectory()
      .add(TestData.queue("general-ko", Language.KOREAN, Channel.SMS, Channel.WHATSAPP, Channel.CHAT))
      .add(TestData.queue("general-en", Language.ENGLISH, Channel.SMS, Channel.WHATSAPP, Channel.CHAT))
      .add(TestData.department("water"));
  final SplittableRandom random = new SplittableRandom(42);
  final MessageContext context = new MessageContext(citizens, journal, store, gateway, events, clock, random);
  final ContactIntake intake = new ContactIntake(transactions, citizens, journal, directory, events, clock, random);
  final MessageIntake receive = new MessageIntake(context, intake, Language.KOREAN);
  final MessageReplies replies = new MessageReplies(context);
  final DeliveryTracking tracking = new DeliveryTracking(transactions, store, events, clock);
  final CaseEscalation escalation =
      new CaseEscalation(transactions, journal, directory, cases, replies, events, clock, ZoneOffset.UTC);

  ReceiveMessage.Outcome sms(String sid, String body) {
    clock.advanceSeconds(1);
    return receive.receive(new ReceiveMessageCommand(Channel.SMS, new CitizenIdentity.Phone(PHONE), PHONE, body,
        null, sid, null));
  }
}
