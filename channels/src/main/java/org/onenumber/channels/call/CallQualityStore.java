package org.onenumber.channels.call;

import org.onenumber.core.contact.ContactId;

/** Keeps the latest quality summary of a call as contact data for supervisors (the server stores it in the database). */
@FunctionalInterface
public interface CallQualityStore {

  void save(ContactId contact, CallQuality quality);
}
