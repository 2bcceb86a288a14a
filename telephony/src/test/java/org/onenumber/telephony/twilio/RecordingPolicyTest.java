package org.onenumber.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.testkit.FakeCitizenRegistry;
import org.onenumber.testkit.TestData;

class RecordingPolicyTest {

  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private final FakeCitizenRegistry citizens = new FakeCitizenRegistry();
  private final RecordingPolicy policy = new RecordingPolicy(citizens, Set.of(new QueueId("english")));

  private Contact contact(String queue, boolean consent) {
    Contact c = TestData.contact("c1", Channel.VOICE, Language.ENGLISH, T0);
    citizens.save(new Citizen(c.citizen(), "Kim", Set.of(new CitizenIdentity.Phone("+821099990001")),
        Language.ENGLISH, new Consent(true, consent, false)));
    return c.moveTo(new ContactStep(ContactState.QUEUED, T0, null, new QueueId(queue), null));
  }

  @Test
  void recordsOnlyInARecordingQueueWithTheCitizensConsent() {
    assertTrue(policy.test(contact("english", true)));
    assertFalse(policy.test(contact("english", false)));
    assertFalse(policy.test(contact("general-ko", true)));
  }

  @Test
  void anUnknownCitizenIsNotRecorded() {
    Contact stranger = TestData.contact("c2", Channel.VOICE, Language.ENGLISH, T0)
        .moveTo(new ContactStep(ContactState.QUEUED, T0, null, new QueueId("english"), null));
    assertFalse(policy.test(stranger));
    assertFalse(new RecordingPolicy(citizens, Set.of()).test(contact("english", true)));
  }
}
