package org.onenumber.telephony.twilio;

import java.util.List;
import org.onenumber.core.contact.ContactId;

/**
 * The Twilio calls this node carries, kept durably so that a server restart does not forget them:
 * Twilio keeps a call running while the server restarts, and its next webhook or status callback
 * must find the call, its phase and its operator again. Written by {@link TwilioVoiceCalls} on its
 * writer thread; implementations may block.
 */
public interface TwilioCallStore {

  /** Nothing kept (tests, a node without a database). */
  TwilioCallStore NONE = new TwilioCallStore() {
    @Override
    public void saved(TwilioVoiceCalls.Call call) { }

    @Override
    public void removed(ContactId contact) { }

    @Override
    public List<TwilioVoiceCalls.Call> all() {
      return List.of();
    }
  };

  /** Inserts or replaces {@code call} (one row per contact). */
  void saved(TwilioVoiceCalls.Call call);

  void removed(ContactId contact);

  /** Every call kept, read once when the server starts. */
  List<TwilioVoiceCalls.Call> all();
}
