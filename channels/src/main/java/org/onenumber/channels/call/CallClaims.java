package org.onenumber.channels.call;

import org.onenumber.core.contact.ContactId;

/**
 * Which node is a call's home, kept where every node of a cluster reads the same answer (the server: table
 * {@code call_home} in the shared PostgreSQL database, beside the journal). A node claims a call when it
 * starts or rebuilds it; each claim voids the ones before, so a node that took a call over from a home it
 * thought lost fences that home: when the old home wakes (frozen longer than Hazelcast's heartbeat limit,
 * or cut off), its claim no longer holds and it gives the call up ({@link CallFence}). Not a Hazelcast map:
 * a node cut off from the others keeps its own copy of such a map, and would read its own stale claim; the
 * database is the one place both sides of a split see alike. One node alone uses {@link #NONE}.
 */
public interface CallClaims {

  /** One node alone: every claim holds, nothing is stored. */
  CallClaims NONE = new CallClaims() {
    @Override
    public String claim(ContactId contact) {
      return "";
    }

    @Override
    public boolean holds(ContactId contact, String claim) {
      return true;
    }
  };

  /** This node is the home of {@code contact}'s call from now on: returns this claim, voiding any before it. */
  String claim(ContactId contact);

  /** Whether {@code claim} is still {@code contact}'s latest (no node claimed the call since, and it did not end). */
  boolean holds(ContactId contact, String claim);

  /** The call ended at its home: its claim is dropped (a stale copy elsewhere then holds nothing either). */
  default void release(ContactId contact, String claim) {}
}
