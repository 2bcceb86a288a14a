package org.onenumber.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.testkit.FakeTwilioVoice.attribute;
import static org.onenumber.testkit.FakeTwilioVoice.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.testkit.FakeAgentDevices;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.FakeServeSelf;
import org.onenumber.testkit.FakeTwilioVoice;

/**
 * The self-service topic menu on Twilio ({@link TwilioSelfService}) as webhooks answered by the
 * adapter: options → topic menu → the answer read with {@code <Say>} → hang-up (status callback)
 * journaled as self-served, or 0 → the queue with the topic. Signatures are checked by the server's
 * controller (see the server's Twilio voice ITs); here the form parameters are Twilio's.
 */
class TwilioSelfServiceFlowTest {

  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private final FakeTwilioVoice twilio = new FakeTwilioVoice((url, form) -> "unused");
  private final TwilioVoiceFlowTest.RecordingRouting routing = new TwilioVoiceFlowTest.RecordingRouting();
  private final TwilioVoiceCalls calls = new TwilioVoiceCalls();
  private final VoiceTwiml twiml = new VoiceTwiml(new VoiceUrls(() -> "https://city.example"),
      new VoiceTwiml.Settings("https://city.example/moh.mp3", 20, "+8215880120"));
  private final TwilioVoiceRouting events = new TwilioVoiceRouting(calls, twiml,
      new TwilioVoiceApi("AC0001", "token", twilio.baseUri()),
      new FakeAgentDevices().put(new AgentId("op-022"), "+821055550022"), Runnable::run);
  private final FakeMessageGateway texts = new FakeMessageGateway();
  private final FakeServeSelf topics = new FakeServeSelf("1 water-bill ko=demo-water-bill-ko en=demo-water-bill-en")
      .answer("water-bill", Language.ENGLISH, "How to pay your water bill", "Pay online or at any bank.");
  private final List<OpenContactCommand> opened = new ArrayList<>();
  private final OpenContact open = command -> {
    opened.add(command);
    Contact c = Contact.create(new ContactId("c-" + opened.size()), command.channel(), new CitizenId("z-1"),
        command.language(), command.requiredSkills(), 0, command.topic(), T0);
    return c.moveTo(new ContactStep(ContactState.QUEUED, T0, null, new QueueId("english"), null));
  };
  private final TwilioVoiceIvr ivr = new TwilioVoiceIvr(twiml, calls, open, routing, events, texts,
      "https://city.example/video", contact -> false, topics);

  @AfterEach
  void stop() {
    twilio.close();
  }

  private static Map<String, String> form(String sid, String... pairs) {
    Map<String, String> form = new java.util.HashMap<>(Map.of("CallSid", sid, "From", "010-9999-0001"));
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  @Test
  void theOptionsMenuLeadsToTheTopicMenuNamingEachAnswer() {
    String menu = ivr.optionChosen(form("CA-s1"), Language.ENGLISH);
    assertEquals("https://city.example/webhooks/twilio/voice/gather?step=topic&lang=en&tries=0",
        attribute(menu, "Gather", "action"));
    assertEquals("For How to pay your water bill, press 1.", text(menu, "Say"));
    assertEquals("https://city.example/webhooks/twilio/voice/queue?lang=en", text(menu, "Redirect"),
        "silence: an operator");
  }

  @Test
  void aTopicIsReadAndAHangUpAfterItIsJournaledSelfServedOnce() {
    String answer = ivr.topicChosen(form("CA-s2", "Digits", "1"), Language.ENGLISH, 0);
    assertEquals("How to pay your water bill. Pay online or at any bank.", text(answer, "Say"));
    assertEquals("en-US", attribute(answer, "Say", "language"));
    assertEquals("https://city.example/webhooks/twilio/voice/gather?step=answer&lang=en&topic=water-bill&tries=0",
        attribute(answer, "Gather", "action"));
    ivr.ended(form("CA-s2", "CallStatus", "completed"));
    ivr.ended(form("CA-s2", "CallStatus", "completed"));
    assertEquals(1, topics.served().size(), "Twilio's repeated callback journals once");
    assertEquals("IVR: self-service water-bill", topics.served().get(0).topic());
    assertEquals("+821099990001", topics.served().get(0).identity().value());
    assertTrue(opened.isEmpty(), "never queued");
    assertTrue(routing.lines().isEmpty(), "nothing abandoned");
  }

  @Test
  void zeroAfterTheAnswerQueuesWithTheTopicAndIsNotSelfServed() {
    ivr.topicChosen(form("CA-s3", "Digits", "1"), Language.ENGLISH, 0);
    String queued = ivr.afterAnswer(form("CA-s3", "Digits", "0"), Language.ENGLISH, "water-bill", 0);
    assertEquals("onenumber-english", text(queued, "Enqueue"));
    assertEquals("IVR: topic water-bill", opened.get(0).topic());
    ivr.ended(form("CA-s3", "CallStatus", "completed"));
    assertTrue(topics.served().isEmpty());
  }

  @Test
  void nineRepeatsEightTextsAndSilenceThreeTimesSaysGoodbye() {
    ivr.topicChosen(form("CA-s4", "Digits", "1"), Language.ENGLISH, 0);
    assertTrue(ivr.afterAnswer(form("CA-s4", "Digits", "9"), Language.ENGLISH, "water-bill", 0)
        .contains("Pay online or at any bank."));
    String texted = ivr.afterAnswer(form("CA-s4", "Digits", "8"), Language.ENGLISH, "water-bill", 0);
    assertEquals("We have sent the answer to your phone by text message.", text(texted, "Say"));
    assertEquals("+821099990001", texts.sent().get(0).to());
    assertTrue(texts.sent().get(0).body().startsWith("How to pay your water bill\n"));
    String silent = ivr.afterAnswer(form("CA-s4"), Language.ENGLISH, "water-bill", 1);
    assertEquals("https://city.example/webhooks/twilio/voice/gather?step=answer&lang=en&topic=water-bill&tries=2",
        text(silent, "Redirect"));
    assertTrue(ivr.afterAnswer(form("CA-s4"), Language.ENGLISH, "water-bill", 3).contains("<Hangup/>"));
    ivr.ended(form("CA-s4", "CallStatus", "completed"));
    assertEquals(1, topics.served().size());
  }

  @Test
  void zeroInTheTopicMenuAndALanguageWithoutTopicsGoStraightToTheQueue() {
    assertEquals("onenumber-english", text(ivr.topicChosen(form("CA-s5", "Digits", "0"), Language.ENGLISH, 0),
        "Enqueue"));
    assertEquals("onenumber-english", text(ivr.optionChosen(form("CA-s6"), Language.JAPANESE), "Enqueue"));
  }
}
