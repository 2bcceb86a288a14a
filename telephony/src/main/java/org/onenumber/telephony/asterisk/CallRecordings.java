package org.onenumber.telephony.asterisk;

import java.time.Instant;
import org.onenumber.core.contact.ContactId;

/**
 * Where call recordings are decided and kept (the server implements it over the contact's citizen
 * consent, the queue's setting and a table). Methods may block: they are called on the
 * {@code ami-recording} thread, never on an AMI event thread.
 */
public interface CallRecordings {

  /** True when {@code contact}'s call may be recorded: the citizen consented and its queue records. */
  boolean allowed(ContactId contact);

  /** Asterisk is writing {@code file} (its full path, from {@code MIXMONITOR_FILENAME}) since {@code at}. */
  void started(ContactId contact, String file, Instant at);

  /** The recording of {@code contact}'s call stopped at {@code at}. */
  void stopped(ContactId contact, Instant at);

  /** Records nothing. */
  CallRecordings NONE = new CallRecordings() {
    @Override
    public boolean allowed(ContactId contact) {
      return false;
    }

    @Override
    public void started(ContactId contact, String file, Instant at) {}

    @Override
    public void stopped(ContactId contact, Instant at) {}
  };
}
