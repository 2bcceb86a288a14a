package org.onenumber.ops.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;

/**
 * A call that ended after the IVR's answer by topic is counted as self-served, live and in batch
 * alike, in the center, channel and language scopes; it is neither offered nor abandoned. A call
 * that heard an answer and then waited for an operator counts as an ordinary offered call.
 */
class SelfServedCallsTest {

  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  private static final ServiceLevelPolicy POLICY = ServiceLevelPolicy.defaults(ZoneId.of("Asia/Seoul"));

  private static Contact selfServed(String id) {
    return Contact.create(new ContactId(id), Channel.VOICE, new CitizenId("citizen-" + id), Language.ENGLISH,
        Set.of(), 0, "ivr:self-service:water-bill", T0)
        .moveTo(new ContactStep(ContactState.CLOSED, T0.plusSeconds(40), null, null, "self-served"));
  }

  private static Contact abandoned() {
    return Contact.create(new ContactId("waited"), Channel.VOICE, new CitizenId("citizen-w"), Language.ENGLISH,
        Set.of(), 0, "ivr:topic:water-bill", T0)
        .moveTo(new ContactStep(ContactState.QUEUED, T0.plusSeconds(50), null, new QueueId("general-en"), "intake"))
        .moveTo(new ContactStep(ContactState.ABANDONED, T0.plusSeconds(80), null, null, "citizen-left"));
  }

  @Test
  void countsSelfServedCallsOutsideOfferedAndAbandonedLiveAndInBatch() {
    List<Contact> contacts = List.of(selfServed("s-1"), selfServed("s-2"), abandoned());
    LiveServiceLevels live = new LiveServiceLevels(POLICY);
    ContactReplay.events(contacts, List.of(), List.of()).forEach(live);
    BatchServiceLevels batch = BatchServiceLevels.compute(contacts, List.of(), List.of(), Set.of(), POLICY,
        T0.plusSeconds(600));
    for (ServiceLevelView view : List.of(live, batch)) {
      for (Scope scope : List.of(Scope.CENTER, Scope.channel(Channel.VOICE), Scope.language(Language.ENGLISH))) {
        Figures f = view.figures(scope, new Window.Today(), T0.plusSeconds(600));
        String where = view.getClass().getSimpleName() + " " + scope;
        assertEquals(2, f.selfServed(), where);
        assertEquals(1, f.offered(), where + ": only the call that waited was offered");
        assertEquals(1, f.abandoned(), where);
        assertEquals(0, f.timeouts(), where + ": a self-served call is no timeout");
      }
      assertEquals(0, view.figures(Scope.queue(new QueueId("general-en")), new Window.Today(), T0.plusSeconds(600))
          .selfServed(), "no queue saw it");
    }
  }
}
