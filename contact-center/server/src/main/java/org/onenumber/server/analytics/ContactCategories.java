package org.onenumber.server.analytics;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.onenumber.core.analytics.CategoryChoice;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.port.out.TopicCategories;
import org.onenumber.server.persistence.JdbcServiceLevelFacts;

/**
 * A contact's category: the type code the operator's stored disposition names, else the classifier's
 * guess from the contact's topic (the citizen's first words), else the topic verbatim when it is
 * short (at most {@value #VERBATIM} characters: an IVR choice, a code the classifier does not
 * know), else none. Contact-level FCR counts repeats per citizen and category, live and in batch,
 * through this one class; the intake asks it as a contact opens ({@link TopicCategories}), so the
 * category travels in the event stream. Guesses are cached per topic (at most 10,000). Thread-safe,
 * no I/O in {@link #categoryOf}.
 */
@Singleton
public final class ContactCategories implements TopicCategories {

  static final int VERBATIM = 64;
  private static final int CACHE = 10_000;
  private final CategoryChoice choice;
  private final JdbcServiceLevelFacts facts;
  private final JdbcComplaintCategories stored;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  ContactCategories(CategoryChoice choice, JdbcServiceLevelFacts facts, JdbcComplaintCategories stored) {
    this.choice = choice;
    this.facts = facts;
    this.stored = stored;
  }

  /** The category of a topic: empty for a blank topic or long words of no known type. */
  @Override
  public Optional<String> categoryOf(String topic) {
    if (topic == null || topic.isBlank()) {
      return Optional.empty();
    }
    String known = cache.get(topic);
    if (known != null) {
      return known.isEmpty() ? Optional.empty() : Optional.of(known);
    }
    String category = choice.choose(topic, topic).map(c -> c.type().code())
        .orElse(topic.length() <= VERBATIM ? topic : "");
    if (cache.size() < CACHE) {
      cache.put(topic, category);
    }
    return category.isEmpty() ? Optional.empty() : Optional.of(category);
  }

  /** The type of a category code, when it is one. */
  public Optional<ComplaintType> type(String category) {
    return choice.choose(category, null).map(CategoryChoice.Chosen::type);
  }

  /**
   * Contacts created in [from, to) with their topic replaced by their category: the operator's
   * stored disposition, else the category at intake.
   */
  public List<Contact> contactsCreated(Instant from, Instant to) {
    Map<String, String> disposed = stored.dispositions(from, to);
    return facts.contactsCreated(from, to).stream()
        .map(c -> categorized(c, disposed.get(c.id().value()))).toList();
  }

  /**
   * Each contact created in [from, to), categorized as {@link #contactsCreated} does, one at a time
   * and none kept (a city's day).
   */
  public void forEachContactCreated(Instant from, Instant to, Consumer<Contact> each) {
    Map<String, String> disposed = stored.dispositions(from, to);
    facts.forEachContactCreated(from, to, c -> each.accept(categorized(c, disposed.get(c.id().value()))));
  }

  /** Who opened each contact created in [from, to) and when, its topic replaced by its category. */
  public void forEachCreated(Instant from, Instant to, Consumer<JdbcServiceLevelFacts.Created> each) {
    Map<String, String> disposed = stored.dispositions(from, to);
    facts.forEachCreated(from, to, c -> each.accept(new JdbcServiceLevelFacts.Created(c.id(), c.citizen(),
        category(c.topic(), disposed.get(c.id().value())), c.at())));
  }

  /** The operator's dispositions of the contacts created in [from, to), in the order chosen. */
  public List<JdbcComplaintCategories.Disposed> disposedInOrder(Instant from, Instant to) {
    return stored.disposedInOrder(from, to);
  }

  /** Contacts created in [from, to) with their topic replaced by their category at intake. */
  public List<Contact> contactsAtIntake(Instant from, Instant to) {
    return facts.contactsCreated(from, to).stream().map(c -> categorized(c, null)).toList();
  }

  private Contact categorized(Contact c, String disposition) {
    String category = category(c.topic(), disposition);
    return java.util.Objects.equals(category, c.topic()) ? c : new Contact(c.id(), c.channel(), c.citizen(),
        c.language(), c.requiredSkills(), c.priority(), c.queue(), c.agent(), category, c.steps());
  }

  private String category(String topic, String disposition) {
    return disposition != null ? disposition : categoryOf(topic).orElse(null);
  }
}
