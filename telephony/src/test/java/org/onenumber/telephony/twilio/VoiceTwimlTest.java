package org.onenumber.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.testkit.FakeTwilioVoice.attribute;
import static org.onenumber.testkit.FakeTwilioVoice.text;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;

/** The TwiML of every step, read back as XML the way Twilio reads it. */
class VoiceTwimlTest {

  private static final String BASE = "https://city.example";
  private final VoiceTwiml twiml = new VoiceTwiml(new VoiceUrls(() -> BASE + "/"),
      new VoiceTwiml.Settings("https://city.example/moh.mp3", 20, "+8215880120"));
  private final ContactId contact = new ContactId("c-1");
  private final AgentId agent = new AgentId("op-022");

  @Test
  void languageMenuGathersOneDigitSpeaksEachLanguageInItsOwnVoiceAndRedirectsOnSilence() {
    String xml = twiml.languageMenu(0);
    assertEquals("1", attribute(xml, "Gather", "numDigits"));
    assertEquals("dtmf", attribute(xml, "Gather", "input"));
    assertEquals(BASE + "/webhooks/twilio/voice/gather?step=language&tries=0", attribute(xml, "Gather", "action"));
    assertEquals(BASE + "/webhooks/twilio/voice/gather?step=language&tries=0", text(xml, "Redirect"));
    assertTrue(xml.contains("language=\"ko-KR\">한국어는 1번."), xml);
    assertTrue(xml.contains("language=\"en-US\">For English, press 2."), xml);
    assertTrue(xml.contains("language=\"vi-VN\">Tiếng Việt, xin bấm phím 5."), xml);
    assertTrue(xml.contains("sign-language video call link by text message, press 7"), xml);
    assertTrue(xml.indexOf("<Gather") < xml.indexOf("<Redirect"), "silence falls through the Gather to the Redirect");
  }

  @Test
  void aRepeatedMenuCarriesItsTryCount() {
    assertEquals(BASE + "/webhooks/twilio/voice/gather?step=language&tries=2",
        attribute(twiml.languageMenu(2), "Gather", "action"));
  }

  @Test
  void optionsMenuIsInTheCallersLanguageAndSilenceComesBackWithoutDigits() {
    String xml = twiml.options(Language.JAPANESE);
    assertEquals(BASE + "/webhooks/twilio/voice/gather?step=options&lang=ja", attribute(xml, "Gather", "action"));
    assertEquals("ja-JP", attribute(xml, "Say", "language"));
    assertEquals(BASE + "/webhooks/twilio/voice/gather?step=options&lang=ja", text(xml, "Redirect"),
        "silence: the topic menu, or the queue when there is none");
  }

  @Test
  void enqueueNamesTheQueueAndTheWaitAndActionUrlsOfTheContact() {
    String xml = twiml.enqueue(contact, "onenumber-english");
    assertEquals("onenumber-english", text(xml, "Enqueue"));
    assertEquals(BASE + "/webhooks/twilio/voice/wait?contact=c-1", attribute(xml, "Enqueue", "waitUrl"));
    assertEquals(BASE + "/webhooks/twilio/voice/enqueue-action?contact=c-1", attribute(xml, "Enqueue", "action"));
  }

  @Test
  void waitLoopAnnouncesPlaceAndMinutesRoundedUpThenPlaysMusicOnce() {
    String xml = twiml.waiting(Language.ENGLISH, 3, Duration.ofSeconds(130));
    assertEquals("You are number 3 in line. The estimated wait is about 3 minutes.", text(xml, "Say"));
    assertEquals("https://city.example/moh.mp3", text(xml, "Play"));
    assertNull(attribute(xml, "Play", "loop"), "one play: Twilio fetches the wait URL again after it");
    assertTrue(text(twiml.waiting(Language.KOREAN, null, null), "Say").contains("기다려"));
  }

  @Test
  void mongolianIsReadByTheCyrillicVoice() {
    String xml = twiml.waiting(Language.MONGOLIAN, 1, Duration.ofSeconds(30));
    assertEquals("ru-RU", attribute(xml, "Say", "language"));
    assertTrue(text(xml, "Say").contains("дараалалд 1"), xml);
  }

  @Test
  void dialRingsANumberWithAnAnswerUrlAndReportsToTheDialAction() {
    String xml = twiml.dial(contact, agent, OperatorLine.of(agent, "+821055550022"), false);
    assertEquals(BASE + "/webhooks/twilio/voice/dial-action?contact=c-1&agent=op-022", attribute(xml, "Dial", "action"));
    assertEquals("20", attribute(xml, "Dial", "timeout"));
    assertEquals("do-not-record", attribute(xml, "Dial", "record"));
    assertEquals("+821055550022", text(xml, "Number"));
    assertEquals(BASE + "/webhooks/twilio/voice/answered?contact=c-1&agent=op-022", attribute(xml, "Number", "url"));
  }

  @Test
  void dialRecordsOnlyWhenAllowedAndFallsBackToTheAgentsClient() {
    String xml = twiml.dial(contact, agent, OperatorLine.of(agent, "PJSIP/op-022"), true);
    assertEquals("record-from-answer-dual", attribute(xml, "Dial", "record"));
    assertEquals("op-022", text(xml, "Client"));
    assertEquals(BASE + "/webhooks/twilio/voice/answered?contact=c-1&agent=op-022", attribute(xml, "Client", "url"));
    assertEquals("desk", text(twiml.dial(contact, agent, OperatorLine.of(agent, "client:desk"), false), "Client"));
  }

  @Test
  void holdPlaysMusicForeverTransferDialsOutConferenceJoinsTheRoom() {
    String hold = twiml.hold(Language.ENGLISH);
    assertEquals("Please hold.", text(hold, "Say"));
    assertEquals("0", attribute(hold, "Play", "loop"));
    String transfer = twiml.transfer(Language.ENGLISH, "+82221330000");
    assertEquals("+82221330000", text(transfer, "Number"));
    assertEquals("+8215880120", attribute(transfer, "Dial", "callerId"));
    String conference = twiml.conference("onenumber-c-1", true);
    assertEquals("onenumber-c-1", text(conference, "Conference"));
    assertEquals("true", attribute(conference, "Conference", "endConferenceOnExit"));
  }

  @Test
  void callbackLegDialsTheCitizenAndReportsAnswerAndEnd() {
    String xml = twiml.callback(contact, "+821099990001", false);
    assertEquals("+821099990001", text(xml, "Number"));
    assertEquals(BASE + "/webhooks/twilio/voice/callback-answered?contact=c-1", attribute(xml, "Number", "url"));
    assertEquals(BASE + "/webhooks/twilio/voice/callback-action?contact=c-1", attribute(xml, "Dial", "action"));
  }

  @Test
  void goodbyeEndsTheCallAndEmptyIsAnEmptyResponse() {
    String xml = twiml.goodbye(VoicePrompts.Prompt.CALLBACK_CONFIRMED, Language.VIETNAMESE);
    assertTrue(xml.contains("<Hangup/>"), xml);
    assertEquals("vi-VN", attribute(xml, "Say", "language"));
    assertFalse(twiml.empty().contains("<Say"));
    assertTrue(twiml.empty().contains("<Response/>"), twiml.empty());
  }
}
