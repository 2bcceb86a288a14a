package org.onenumber.telephony.twilio;

import java.util.List;
import org.onenumber.core.contact.ContactId;

/**
 * The calls Twilio placed for a consult ({@link TwilioCallControl}: the operator's and the consulted
 * party's legs in the consult conference), kept durably by the server while the consult is under
 * way. A consult does not survive a restart (routing cancels it; the caller stays on hold with the
 * first operator), but Twilio keeps its legs in the conference: after a restart {@link
 * TwilioCallControl#endConsultLegsLeftByARestart} hangs them up from this list. Implementations
 * may block; called on the REST executor.
 */
public interface ConsultLegStore {

  /** A placed consult leg. */
  record Leg(ContactId contact, String callSid) {}

  /** Nothing kept (tests, a node without a database): legs outlive a restart until their party hangs up. */
  ConsultLegStore NONE = new ConsultLegStore() {
    @Override
    public void placed(Leg leg) { }

    @Override
    public void ended(String callSid) { }

    @Override
    public List<Leg> all() {
      return List.of();
    }
  };

  void placed(Leg leg);

  /** The leg is no consult leg any more (the consult completed, cancelled, failed or reconciled). */
  void ended(String callSid);

  List<Leg> all();
}
