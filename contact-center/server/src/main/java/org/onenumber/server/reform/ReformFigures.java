package org.onenumber.server.reform;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.reform.BeforeAfter;
import org.onenumber.server.analytics.ContactCategories;

/**
 * The before/after figures of a task: the contacts of its complaint type (the operator's
 * disposition, else the category at intake) in the {@code onenumber.reform.window-days} (28) days
 * before the fix and after it, computed from the stored contacts on every read. Thread-safe.
 */
@Singleton
final class ReformFigures {

  private final ContactCategories categories;
  private final InstantSource clock;
  private final Duration window;

  ReformFigures(ContactCategories categories, InstantSource clock,
      @Value("${onenumber.reform.window-days:28}") int days) {
    this.categories = categories;
    this.clock = clock;
    this.window = Duration.ofDays(days);
  }

  BeforeAfter of(String type, Instant fixedAt) {
    Instant now = clock.instant();
    List<Instant> created = categories.contactsCreated(fixedAt.minus(window), min(fixedAt.plus(window), now))
        .stream().filter(c -> type.equals(c.topic())).map(Contact::createdAt).toList();
    return BeforeAfter.of(created, fixedAt, window, now);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
