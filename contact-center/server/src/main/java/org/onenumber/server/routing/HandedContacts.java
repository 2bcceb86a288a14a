package org.onenumber.server.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;

/**
 * Queued contacts a writer hands to routing in-process, so that routing's arrival need not read
 * back from the journal what the writer just stored there (issue 14: two statements per Open311
 * filing). The writer hands the contact exactly as it journaled it, inside the transaction that
 * journals it; routing takes it only for the arrival its queued event starts, and that event is
 * published after the commit, so a handed contact is never offered before it is journaled
 * ("journaled before offered" holds). A writer hands a contact only when nothing later in its
 * transaction changes that contact (an Open311 filing: the case and the request are other rows).
 *
 * <p>A contact whose transaction rolled back is never taken (no event names it; ids are not
 * reused) and expires; so does one whose arrival went to a rebuild first. Taking removes it: an
 * arrival tried again reads the journal, as every arrival without a handed contact does. Bounded
 * (at most {@value #MAX} contacts, each kept {@link #KEPT}). Thread-safe.
 */
@Singleton
public final class HandedContacts {

  private static final int MAX = 10_000;
  private static final Duration KEPT = Duration.ofSeconds(30);
  private final Cache<ContactId, Contact> handed = Caffeine.newBuilder().maximumSize(MAX).expireAfterWrite(KEPT)
      .build();

  /** Hands routing {@code queued}, a contact the caller's transaction journals as it is now. */
  public void hand(Contact queued) {
    if (queued.state() != ContactState.QUEUED) {
      throw new IllegalArgumentException("only a queued contact is handed to routing, not " + queued.state());
    }
    handed.put(queued.id(), queued);
  }

  /** The contact handed for {@code id}, removed; empty when none was (then read the journal). */
  Optional<Contact> take(ContactId id) {
    return Optional.ofNullable(handed.asMap().remove(id));
  }

  /** Whether a contact was handed for {@code id} (and not taken yet). */
  boolean holds(ContactId id) {
    return handed.getIfPresent(id) != null;
  }
}
