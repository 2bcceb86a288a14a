package org.onenumber.server.analytics;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.core.analytics.CategoryChoice;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.contact.Contact;
import org.onenumber.server.persistence.JdbcServiceLevelFacts;

/**
 * A contact's category: the type code the operator's disposition names, else the classifier's
 * guess from the contact's topic (the citizen's first words), else the topic verbatim (words the
 * classifier does not know). Contact-level FCR counts repeats per citizen and category, live and
 * in batch, through this one class. Guesses are cached per topic (at most 10,000). Thread-safe.
 */
@Singleton
public final class ContactCategories {

  private static final int CACHE = 10_000;
  private final CategoryChoice choice;
  private final JdbcServiceLevelFacts facts;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  ContactCategories(CategoryChoice choice, JdbcServiceLevelFacts facts) {
    this.choice = choice;
    this.facts = facts;
  }

  /** The category of a topic (null or blank stays as it is). */
  public String categoryOf(String topic) {
    if (topic == null || topic.isBlank()) {
      return topic;
    }
    String known = cache.get(topic);
    if (known != null) {
      return known;
    }
    String category = choice.choose(topic, topic).map(c -> c.type().code()).orElse(topic);
    if (cache.size() < CACHE) {
      cache.put(topic, category);
    }
    return category;
  }

  /** The type of a category code, when it is one. */
  public java.util.Optional<ComplaintType> type(String category) {
    return choice.choose(category, null).map(CategoryChoice.Chosen::type);
  }

  /** Contacts created in [from, to) with their topic replaced by their category. */
  public List<Contact> contactsCreated(Instant from, Instant to) {
    return facts.contactsCreated(from, to).stream().map(this::categorized).toList();
  }

  private Contact categorized(Contact c) {
    String category = categoryOf(c.topic());
    return category == null || category.equals(c.topic()) ? c : new Contact(c.id(), c.channel(), c.citizen(),
        c.language(), c.requiredSkills(), c.priority(), c.queue(), c.agent(), category, c.steps());
  }
}
