package org.onenumber.server.ops;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.SurveyAnswered;
import org.onenumber.ops.sla.BatchServiceLevels;
import org.onenumber.ops.sla.Repeats;
import org.onenumber.ops.sla.ServiceLevelPolicy;
import org.onenumber.server.analytics.ContactCategories;
import org.onenumber.server.persistence.JdbcServiceLevelFacts;
import org.onenumber.server.persistence.JdbcServiceLevelFacts.Created;

/**
 * A day's figures from streamed passes over the journal, none holding the day (issue 17: New
 * York's record day is 277,000 contacts with 1.8 million steps):
 *
 * <ol>
 *   <li>who opened what and when, for the day: the repeats that spoil first-contact resolution and
 *       the day's most frequent categories; then the contacts of the repeat window after the day,
 *       kept only for a citizen and category the day has;
 *   <li>each of the day's contacts with its steps, counted in the center's figures and in its
 *       category's (the top categories, then {@link IntervalReport#OTHER});
 *   <li>the agents' state changes of the day, in order: staffed and occupied time.
 * </ol>
 *
 * Survey answers and cases count up to the end of the repeat window after the day. Tallies are kept
 * in {@value #SLOT_MINUTES}-minute slots: the report's intervals are 15, 30 or 60 minutes of a day.
 */
final class DayFigures {

  static final int SLOT_MINUTES = 15;

  /** Where a day's facts come from: each read once, in a stream where it can be large. */
  interface Journal {

    void created(Instant from, Instant to, Consumer<Created> each);

    void contacts(Instant from, Instant to, Consumer<Contact> each);

    void agentChanges(Instant from, Instant to, Consumer<AgentStateChanged> each);

    List<SurveyAnswered> surveys(Instant from, Instant to);

    Set<ContactId> escalated(Instant from, Instant asOf);

    /** The stored journal: contacts and their creations with their category, as the analysis sees them. */
    static Journal of(ContactCategories categories, JdbcServiceLevelFacts facts) {
      return new Journal() {
        @Override
        public void created(Instant from, Instant to, Consumer<Created> each) {
          categories.forEachCreated(from, to, each);
        }

        @Override
        public void contacts(Instant from, Instant to, Consumer<Contact> each) {
          categories.forEachContactCreated(from, to, each);
        }

        @Override
        public void agentChanges(Instant from, Instant to, Consumer<AgentStateChanged> each) {
          facts.forEachAgentChange(from, to, each);
        }

        @Override
        public List<SurveyAnswered> surveys(Instant from, Instant to) {
          return facts.surveys(from, to);
        }

        @Override
        public Set<ContactId> escalated(Instant from, Instant asOf) {
          return facts.escalated(from, asOf);
        }
      };
    }
  }

  /** The center's figures (every scope). */
  final BatchServiceLevels center;
  /** The figures of each category's own contacts: the top ones by count, then {@link IntervalReport#OTHER}. */
  final Map<String, BatchServiceLevels> categories;

  private DayFigures(BatchServiceLevels center, Map<String, BatchServiceLevels> categories) {
    this.center = center;
    this.categories = categories;
  }

  /** The figures of [start, end) as of {@code now}, with rows for the {@code top} categories. */
  static DayFigures read(Journal journal, ServiceLevelPolicy policy, Instant start, Instant end, Instant now,
      int top) {
    Instant known = now.isBefore(start) ? start : now.plusSeconds(1);
    Instant dayUntil = known.isBefore(end) ? known : end;
    Instant windowEnd = end.plus(policy.repeatWindow());
    Instant after = known.isBefore(windowEnd) ? known : windowEnd;
    Repeats repeats = new Repeats(policy.repeatWindow(), now);
    Map<String, Integer> counts = new HashMap<>();
    journal.created(start, dayUntil, c -> {
      repeats.add(c.citizen(), c.topic(), c.at());
      counts.merge(group(c.topic()), 1, Integer::sum);
    });
    if (after.isAfter(dayUntil)) {
      journal.created(dayUntil, after, c -> repeats.addLater(c.citizen(), c.topic(), c.at()));
    }
    Set<ContactId> escalated = journal.escalated(start, after);
    List<SurveyAnswered> surveys = journal.surveys(start, after);
    Supplier<BatchServiceLevels.Builder> fresh = () -> BatchServiceLevels.builder(policy, SLOT_MINUTES, now, repeats,
        escalated, surveys);
    BatchServiceLevels.Builder all = fresh.get();
    List<String> ranked = counts.keySet().stream().filter(k -> !k.equals(IntervalReport.OTHER))
        .sorted(Comparator.comparing((String k) -> -counts.get(k)).thenComparing(Comparator.naturalOrder()))
        .toList();
    Map<String, BatchServiceLevels.Builder> byCategory = new LinkedHashMap<>();
    ranked.stream().limit(top).forEach(k -> byCategory.put(k, fresh.get()));
    journal.contacts(start, dayUntil, c -> {
      all.add(c);
      BatchServiceLevels.Builder own = byCategory.get(group(c.topic()));
      (own != null ? own : byCategory.computeIfAbsent(IntervalReport.OTHER, k -> fresh.get())).add(c);
    });
    journal.agentChanges(start, dayUntil, all::agentChanged);
    Map<String, BatchServiceLevels> categories = new LinkedHashMap<>();
    byCategory.forEach((k, b) -> categories.put(k, b.build()));
    return new DayFigures(all.build(), categories);
  }

  private static String group(String category) {
    return category == null || category.isBlank() ? IntervalReport.OTHER : category;
  }
}
