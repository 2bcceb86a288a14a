package org.onenumber.telephony.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.telephony.twilio.TwilioVoiceCalls.Call;
import org.onenumber.telephony.twilio.TwilioVoiceCalls.Phase;

/** A Twilio call survives a server restart: the calls kept are carried again by the next registry. */
class TwilioVoiceCallsRestartTest {

  private static final ContactId HELD = new ContactId("held");
  private static final ContactId ENDED = new ContactId("ended");

  /** The table, as a map. */
  private static final class MapStore implements TwilioCallStore {
    final Map<ContactId, Call> rows = new ConcurrentHashMap<>();

    @Override
    public void saved(Call call) {
      rows.put(call.contact(), call);
    }

    @Override
    public void removed(ContactId contact) {
      rows.remove(contact);
    }

    @Override
    public List<Call> all() {
      return List.copyOf(rows.values());
    }
  }

  @Test
  void aCallOnHoldIsFoundWithItsPhaseOperatorAndPlaceAfterARestartAndAnEndedOneIsNot() throws Exception {
    MapStore store = new MapStore();
    try (TwilioVoiceCalls before = new TwilioVoiceCalls(store)) {
      before.open(new Call("CA-held", HELD, Language.ENGLISH, "english", true));
      before.move(HELD, c -> true, c -> c.at(2, Duration.ofSeconds(90)));
      before.move(HELD, java.util.Set.of(Phase.WAITING), Phase.CONNECTED, new AgentId("op-022"));
      before.move(HELD, java.util.Set.of(Phase.CONNECTED), Phase.HELD, new AgentId("op-022"));
      before.open(new Call("CA-ended", ENDED, Language.KOREAN, "general-ko", false));
      before.close(ENDED);
      assertTrue(before.flush(5_000));
    }

    try (TwilioVoiceCalls after = new TwilioVoiceCalls(store)) {
      Call held = after.bySid("CA-held").orElseThrow();
      assertEquals(Phase.HELD, held.phase());
      assertEquals(new AgentId("op-022"), held.agent());
      assertEquals(2, held.position());
      assertEquals(Duration.ofSeconds(90), held.estimatedWait());
      assertTrue(held.record());
      assertTrue(after.carries(HELD));
      assertTrue(after.bySid("CA-ended").isEmpty());
      // Resume after the restart: the call moves on from where it was.
      assertTrue(after.move(HELD, java.util.Set.of(Phase.HELD), Phase.RECONNECTING, new AgentId("op-022")).isPresent());
      assertTrue(after.flush(5_000));
      assertEquals(Phase.RECONNECTING, store.rows.get(HELD).phase());
    }
  }
}
