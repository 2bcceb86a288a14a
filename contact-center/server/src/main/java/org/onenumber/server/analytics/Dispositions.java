package org.onenumber.server.analytics;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import org.onenumber.core.analytics.CategoryTree;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.event.ContactCategorized;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.Jdbc;

/**
 * The operator's disposition at wrap-up: a type of the city's tree (service → category → type)
 * chosen for the contact. {@link #check} refuses a code outside the tree before anything is done
 * (400, the code not echoed); {@link #record} stores it ({@code contact_disposition}), moves the
 * contact's cases that were classified automatically or from the contact to it, and publishes
 * {@link ContactCategorized} (with the contact's creation) so live FCR and the emerging-issue fold
 * move the contact from its guessed category to the operator's.
 * Thread-safe.
 */
@Singleton
public final class Dispositions {

  private final CategoryTree tree;
  private final JdbcComplaintCategories stored;
  private final VertxEventPublisher events;
  private final InstantSource clock;
  private final Jdbc jdbc;

  Dispositions(CategoryTree tree, JdbcComplaintCategories stored, VertxEventPublisher events, InstantSource clock,
      Jdbc jdbc) {
    this.jdbc = jdbc;
    this.tree = tree;
    this.stored = stored;
    this.events = events;
    this.clock = clock;
  }

  /** The city's category tree. */
  public CategoryTree tree() {
    return tree;
  }

  /** The type a disposition names; 400 when it names none. */
  public ComplaintType check(String category) {
    String code = InvalidInputException.requireText(category, "category").strip();
    return tree.find(code).filter(t -> t.code().equals(code))
        .orElseThrow(() -> new InvalidInputException("category must be a type code of GET /api/v1/analytics/taxonomy"));
  }

  /**
   * Stores the operator's disposition and lets the contact's cases and live FCR follow it (once the
   * caller's transaction commits, when there is one: nothing is announced for a rolled-back choice).
   */
  public void record(ContactId contact, ComplaintType type, String operator) {
    Instant now = clock.instant();
    stored.dispose(contact.value(), type.code(), operator, now);
    stored.casesFollowingContact(contact.value()).forEach(id ->
        stored.classifyCase(id, type.code(), JdbcComplaintCategories.Source.CONTACT, operator, now));
    Instant created = stored.contactCreatedAt(contact.value()).orElse(now);
    ContactCategorized categorized = new ContactCategorized(contact, type.code(), now, created);
    jdbc.afterCommit(() -> events.publish(categorized));
  }
}
