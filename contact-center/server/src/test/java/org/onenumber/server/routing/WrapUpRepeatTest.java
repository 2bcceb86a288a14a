package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.routing.RoutingCommand.Outcome;

/**
 * Issue 11, session 21: an operator's wrap-up is their own repeat only where the journal says their
 * wrap-up made the step: the WRAP_UP step's outcome (session 18), or on a queue without wrap-up time
 * the CLOSED step they made ({@link ContactStep#by()}); a supervisor's, the channel's or an unsaid
 * close is not. Session 22: a close sent again ({@link WrapUpRepeat#ofClose}) by the same rule, never on a
 * contact in wrap-up.
 */
class WrapUpRepeatTest {

  private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

  private static Contact connected() {
    return Contact.create(new ContactId("c-1"), Channel.VOICE, new CitizenId("citizen-1"), Language.KOREAN, Set.of(), 5,
            null, T0)
        .moveTo(new ContactStep(ContactState.QUEUED, T0, null, new QueueId("mongolian"), "intake"))
        .moveTo(new ContactStep(ContactState.OFFERED, T0.plusSeconds(1), new AgentId("op-032"), null, null))
        .moveTo(new ContactStep(ContactState.CONNECTED, T0.plusSeconds(2), new AgentId("op-032"), null, "accepted"));
  }

  private static Contact closed(String reason, String by) {
    return connected().moveTo(new ContactStep(ContactState.CLOSED, T0.plusSeconds(60), null, null, reason, by));
  }

  @Test
  void aCloseTheOperatorMadeIsTheirRepeatWithItsOutcomeOnly() {
    assertEquals(WrapUpRepeat.SAME, WrapUpRepeat.of(closed("resolved", "op-032"), "op-032", Outcome.RESOLVED));
    assertEquals(WrapUpRepeat.OTHER_OUTCOME,
        WrapUpRepeat.of(closed("resolved", "op-032"), "op-032", Outcome.ESCALATED));
    assertEquals(WrapUpRepeat.NONE, WrapUpRepeat.of(closed("resolved", "op-032"), "sv-01", Outcome.RESOLVED),
        "a supervisor is not the contact's agent");
  }

  @Test
  void aCloseSomebodyElseMadeIsNoRepeat() {
    for (String by : new String[] {"sv-01", ContactStep.BY_CHANNEL, ContactStep.BY_ROUTING, null}) {
      assertEquals(WrapUpRepeat.NONE, WrapUpRepeat.of(closed("resolved", by), "op-032", Outcome.RESOLVED), by);
    }
    assertEquals(WrapUpRepeat.NONE, WrapUpRepeat.of(connected(), "op-032", Outcome.RESOLVED), "still connected");
  }

  @Test
  void aCloseSentAgainRepeatsOnlyTheOperatorsOwnCloseNeverEndsAWrapUpEarly() {
    assertEquals(WrapUpRepeat.SAME, WrapUpRepeat.ofClose(closed("resolved", "op-032"), "op-032", Outcome.RESOLVED));
    assertEquals(WrapUpRepeat.OTHER_OUTCOME,
        WrapUpRepeat.ofClose(closed("resolved", "op-032"), "op-032", Outcome.ESCALATED));
    assertEquals(WrapUpRepeat.NONE, WrapUpRepeat.ofClose(closed("resolved", "sv-01"), "op-032", Outcome.RESOLVED));
    Contact wrapping = connected().moveTo(new ContactStep(ContactState.WRAP_UP, T0.plusSeconds(30), null, null,
        "resolved", "op-032"));
    assertEquals(WrapUpRepeat.NONE, WrapUpRepeat.ofClose(wrapping, "op-032", Outcome.RESOLVED),
        "a close in wrap-up ends it early: a first close");
  }

  @Test
  void aWrapUpStepGoesBySession18sRuleAndItsOwnOtherOutcomeIsSaid() {
    Contact channels = connected().moveTo(new ContactStep(ContactState.WRAP_UP, T0.plusSeconds(30), null, null,
        "resolved", ContactStep.BY_CHANNEL));
    assertEquals(WrapUpRepeat.SAME, WrapUpRepeat.of(channels, "op-032", Outcome.RESOLVED),
        "the operator's wrap-up after the call ended: the note is stored");
    assertEquals(WrapUpRepeat.NONE, WrapUpRepeat.of(channels, "op-032", Outcome.ESCALATED), "the engine refuses it");
    Contact own = connected().moveTo(new ContactStep(ContactState.WRAP_UP, T0.plusSeconds(30), null, null,
        "resolved", "op-032"));
    assertEquals(WrapUpRepeat.OTHER_OUTCOME, WrapUpRepeat.of(own, "op-032", Outcome.ESCALATED));
    assertEquals(WrapUpRepeat.SAME, WrapUpRepeat.of(own.moveTo(new ContactStep(ContactState.CLOSED,
        T0.plusSeconds(90), null, null, "resolved", ContactStep.BY_ROUTING)), "op-032", Outcome.RESOLVED),
        "closed when the wrap-up time ended");
  }
}
