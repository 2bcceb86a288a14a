package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.happycall.HappyCall;
import org.onenumber.core.happycall.HappyCalls;
import org.onenumber.server.chat.JdbcSurveys;
import org.onenumber.server.persistence.JdbcCitizenRegistry;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcHappyCallStore;
import org.onenumber.telephony.asterisk.AsteriskAmi;
import org.onenumber.testkit.FastAgiCaller;
import org.onenumber.testkit.TestData;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/**
 * Happy-call by IVR on Asterisk through the running server (#16): a resolved voice contact's survey
 * goes out as an AMI {@code Originate} into the check-in context (the replay peer of capture 07c
 * answers it as recorded); the answered citizen's channel ({@link FastAgiCaller}, with the
 * Originate's variables) reaches the server's FastAGI, hears the question in Japanese and presses 5:
 * the survey table has it. A second citizen stays silent twice: the survey waits for its next call.
 * On H2 and on PostgreSQL (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HappyCallAsteriskTestBase implements TestPropertyProvider {

  private static final Duration WITHIN = Duration.ofSeconds(20);

  @Inject AsteriskAmi ami;
  @Inject HappyCalls happy;
  @Inject JdbcHappyCallStore store;
  @Inject JdbcSurveys surveys;
  @Inject JdbcCitizenRegistry citizens;
  @Inject JdbcContactJournal journal;

  private final int agiPort = AsteriskPeers.freePort();
  private final AmiReplayPeer peer = AmiReplayPeer.start("07c-core-restart").holdScript();

  /** The database of the subclass. */
  abstract Map<String, String> database();

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(AsteriskPeers.properties(database(), agiPort, peer));
    properties.putAll(Map.of("onenumber.telephony.callback-carrier", "asterisk", "onenumber.welfare.dialer", "false",
        "onenumber.happy-call.delay", "0s", "onenumber.happy-call.quiet-from-hour", "0",
        "onenumber.happy-call.quiet-until-hour", "0", "onenumber.happy-call.sweep-every", "1h"));
    return properties;
  }

  @AfterAll
  void stopPeer() {
    peer.close();
  }

  /** A voice contact of a citizen with {@code phone}, resolved now. */
  private ContactId resolvedVoiceContact(String id, String phone) {
    Instant now = Instant.now();
    CitizenId citizen = new CitizenId("citizen-" + id);
    citizens.save(new Citizen(citizen, null, Set.of(new CitizenIdentity.Phone(phone)), Language.JAPANESE,
        Consent.DEFAULT));
    journal.append(TestData.contact(id, Channel.VOICE, Language.JAPANESE, now.minusSeconds(600)), List.of());
    ContactId contact = new ContactId(id);
    assertTrue(happy.resolved(contact, citizen, now.minusSeconds(1)));
    return contact;
  }

  /** The citizen's leg the Originate placed, answered: the check-in context's FastAGI with its variables. */
  private FastAgiCaller answered(ContactId contact, String phone, String... keys) throws IOException {
    return FastAgiCaller.call(InetAddress.getLoopbackAddress(), agiPort,
        FastAgiCaller.environment("PJSIP/trunk-" + contact.value(),
            "1796190000." + contact.value().substring(contact.value().length() - 1), "0215880120", "checkin"))
        .variable("ONENUMBER_CONTACT", contact.value()).variable("ONENUMBER_LANGUAGE", "ja")
        .variable("ONENUMBER_SLOW", "0").variable("ONENUMBER_SCRIPT", "happy-call").variable("ONENUMBER_PHONE", phone)
        .press(keys).start();
  }

  @Test
  void aVoiceContactsSurveyIsOriginatedOnAsteriskAndTheKeyPressedIsTheScore() throws Exception {
    await().atMost(WITHIN).until(() -> ami.status().up());
    ContactId scored = resolvedVoiceContact("hc-ast-1", "+821077770001");
    ContactId silent = resolvedVoiceContact("hc-ast-2", "+821077770002");
    int before = peer.actions("Originate").size();
    assertEquals(2, happy.sendDue(10));
    await().atMost(WITHIN).until(() -> peer.actions("Originate").size() == before + 2);
    List<Map<String, String>> originates = peer.actions("Originate");
    assertTrue(originates.stream().anyMatch(o -> String.valueOf(o.get("channel")).contains("+821077770001")
        && "onenumber-checkin".equals(o.get("context")) && o.get("variable").contains("ONENUMBER_SCRIPT=happy-call")
        && o.get("variable").contains("ONENUMBER_LANGUAGE=ja")), originates.toString());

    FastAgiCaller citizen = answered(scored, "+821077770001", "5");
    citizen.await("STREAM FILE onenumber/ja/happy-call-thanks", WITHIN);
    citizen.awaitClosed(WITHIN);
    var answer = surveys.find(scored).orElseThrow();
    assertEquals(5, answer.satisfaction());
    assertTrue(answer.resolved());
    assertEquals(HappyCall.State.ANSWERED, store.find(scored).orElseThrow().state());

    FastAgiCaller quiet = answered(silent, "+821077770002", "", "");
    quiet.awaitClosed(WITHIN);
    await().atMost(WITHIN).until(() -> store.find(silent).orElseThrow().state() == HappyCall.State.SCHEDULED);
    HappyCall next = store.find(silent).orElseThrow();
    assertEquals(1, next.calls());
    assertTrue(next.dueAt().isAfter(Instant.now().plusSeconds(25 * 60)), "called again 30 min later: " + next);
    assertTrue(surveys.find(silent).isEmpty());
  }
}
