package org.onenumber.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.event.CitizenConsentChanged;
import org.onenumber.core.event.MessageReceived;
import org.onenumber.core.port.in.ReceiveMessage.Duplicate;
import org.onenumber.core.port.in.ReceiveMessage.KeywordHandled;
import org.onenumber.core.port.in.ReceiveMessage.Opened;
import org.onenumber.core.port.in.ReceiveMessage.Threaded;
import org.onenumber.core.port.in.ReceiveMessageCommand;

class MessageIntakeTest {

  private final MessagingWorld world = new MessagingWorld();

  @Test
  void firstMessageOpensAQueuedContactWithTheMessageAsTopic() {
    Opened opened = assertInstanceOf(Opened.class, world.sms("SM1", "쓰레기 수거 문의"));
    assertEquals(ContactState.QUEUED, opened.contact().state());
    assertEquals("쓰레기 수거 문의", opened.contact().topic());
    assertEquals(Channel.SMS, opened.contact().channel());
    assertEquals(opened.contact().id(), opened.message().contact());
    assertEquals(List.of(opened.message()), world.store.byContact(opened.contact().id()));
    assertEquals(1, world.events.ofType(MessageReceived.class).size());
  }

  @Test
  void laterMessagesFromTheSameNumberThreadIntoTheOpenContact() {
    Opened first = (Opened) world.sms("SM1", "hello");
    Threaded second = assertInstanceOf(Threaded.class, world.sms("SM2", "are you there?"));
    assertEquals(first.contact().id(), second.contact().id());
    assertEquals(2, world.store.byContact(first.contact().id()).size());
    assertEquals(1, world.journal.size());
  }

  @Test
  void aClosedContactIsNotReusedAndTheNextMessageOpensANewOne() {
    Opened first = (Opened) world.sms("SM1", "hello");
    world.journal.append(first.contact().moveTo(ContactState.CLOSED, world.clock.advanceSeconds(5)), List.of());
    Opened again = assertInstanceOf(Opened.class, world.sms("SM2", "one more thing"));
    assertNotEquals(first.contact().id(), again.contact().id());
  }

  @Test
  void whatsAppFromTheSameNumberIsASeparateThreadForTheSameCitizen() {
    Opened sms = (Opened) world.sms("SM1", "hello");
    Opened whatsapp = assertInstanceOf(Opened.class, world.receive.receive(new ReceiveMessageCommand(Channel.WHATSAPP,
        new CitizenIdentity.Phone(MessagingWorld.PHONE), "whatsapp:" + MessagingWorld.PHONE, "hi", null, "SM2", null)));
    assertNotEquals(sms.contact().id(), whatsapp.contact().id());
    assertEquals(sms.contact().citizen(), whatsapp.contact().citizen());
    assertEquals("whatsapp:" + MessagingWorld.PHONE, whatsapp.message().peer());
  }

  @Test
  void aRepeatedProviderIdStoresNothingNew() {
    Opened first = (Opened) world.sms("SM1", "hello");
    Duplicate repeat = assertInstanceOf(Duplicate.class, world.sms("SM1", "hello"));
    assertEquals(first.message(), repeat.message());
    assertEquals(1, world.store.all().size());
    assertEquals(1, world.events.ofType(MessageReceived.class).size());
  }

  @Test
  void mmsMediaUrlsAreKeptAndAMediaOnlyMessageIsAccepted() {
    URI photo = URI.create("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");
    Opened opened = assertInstanceOf(Opened.class, world.receive.receive(new ReceiveMessageCommand(Channel.SMS,
        new CitizenIdentity.Phone(MessagingWorld.PHONE), MessagingWorld.PHONE, "", List.of(photo), "MM1", null)));
    assertEquals(List.of(photo), world.store.find(opened.message().id()).orElseThrow().media());
  }

  @Test
  void languageOfAStrangerIsGuessedFromTheScriptOfTheFirstMessage() {
    Opened opened = (Opened) world.sms("SM1", "Where do I pay my water bill?");
    assertEquals(Language.ENGLISH, opened.contact().language());
  }

  @Test
  void stopRecordsTheOptOutAndSendsOnlyTheConfirmation() {
    KeywordHandled stop = assertInstanceOf(KeywordHandled.class, world.sms("SM1", " stop "));
    assertEquals(Keyword.STOP, stop.keyword());
    var citizen = world.citizens.findByIdentity(new CitizenIdentity.Phone(MessagingWorld.PHONE)).orElseThrow();
    assertTrue(citizen.consent().smsOptOut());
    assertEquals(1, world.gateway.sent().size());
    assertEquals(MessagingWorld.PHONE, world.gateway.sent().get(0).to());
    assertNull(stop.message().contact());
    assertEquals(0, world.journal.size());
    assertEquals(1, world.events.ofType(CitizenConsentChanged.class).size());

    KeywordHandled help = assertInstanceOf(KeywordHandled.class, world.sms("SM2", "HELP"));
    assertNull(help.reply());
    assertEquals(1, world.gateway.sent().size());
  }

  @Test
  void startClearsTheOptOutAndHelpIsAnsweredInTheCitizensLanguage() {
    world.sms("SM1", "STOP");
    world.sms("SM2", "START");
    var citizen = world.citizens.findByIdentity(new CitizenIdentity.Phone(MessagingWorld.PHONE)).orElseThrow();
    assertTrue(!citizen.consent().smsOptOut());
    KeywordHandled help = (KeywordHandled) world.sms("SM3", "help");
    assertEquals(CitizenTexts.of(CitizenTexts.Text.HELP, Language.KOREAN, null), help.reply().body());
  }

  @Test
  void aKeywordInsideAnOpenConversationIsStoredWithThatContact() {
    Opened opened = (Opened) world.sms("SM1", "hello");
    KeywordHandled stop = (KeywordHandled) world.sms("SM2", "STOP");
    assertEquals(opened.contact().id(), stop.message().contact());
  }

  @Test
  void keywordsMeanNothingSpecialOnWebChat() {
    var outcome = world.receive.receive(new ReceiveMessageCommand(Channel.CHAT,
        new CitizenIdentity.ChatHandle("chat-1"), "chat-1", "STOP", null, "chat:1", Language.ENGLISH));
    assertInstanceOf(Opened.class, outcome);
  }
}
