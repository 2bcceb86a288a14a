package org.onenumber.ops.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;

/**
 * When each citizen contacted the center about each category, to tell whether a contact was
 * repeated within the policy's window (first-contact resolution). A repeat comes later than the
 * contact it spoils, so every contact of a span is noted before any is counted: from the contacts
 * themselves, or from a light first pass over the span (citizen, category and creation instant
 * only) when the contacts are streamed. Contacts created after {@code asOf} and those without a
 * category are not noted. Not thread-safe.
 */
public final class Repeats {

  private final Map<String, List<Instant>> createdByKey = new HashMap<>();
  private final Duration window;
  private final Instant asOf;

  public Repeats(Duration window, Instant asOf) {
    this.window = window;
    this.asOf = asOf;
  }

  /** Notes that {@code citizen} opened a contact about {@code category} at {@code createdAt}. */
  public void add(CitizenId citizen, String category, Instant createdAt) {
    if (category != null && !category.isBlank() && !createdAt.isAfter(asOf)) {
      createdByKey.computeIfAbsent(key(citizen, category), k -> new ArrayList<>()).add(createdAt);
    }
  }

  /**
   * Notes a contact opened after the span counted, only when it can spoil one of the span's: the
   * citizen already contacted the center about {@code category} in the span.
   */
  public void addLater(CitizenId citizen, String category, Instant createdAt) {
    if (category != null && !createdAt.isAfter(asOf)) {
      List<Instant> earlier = createdByKey.get(key(citizen, category));
      if (earlier != null) {
        earlier.add(createdAt);
      }
    }
  }

  /** Notes every one of {@code contacts} by its topic. */
  public Repeats addAll(Iterable<Contact> contacts) {
    contacts.forEach(c -> add(c.citizen(), c.topic(), c.createdAt()));
    return this;
  }

  /** True when the citizen came back about the contact's topic within the window. */
  boolean repeated(Contact contact) {
    if (contact.topic() == null || contact.topic().isBlank()) {
      return false;
    }
    return createdByKey.getOrDefault(key(contact.citizen(), contact.topic()), List.of()).stream()
        .anyMatch(later -> Steps.isRepeat(contact.createdAt(), later, window));
  }

  private static String key(CitizenId citizen, String category) {
    return citizen.value() + "|" + category;
  }
}
