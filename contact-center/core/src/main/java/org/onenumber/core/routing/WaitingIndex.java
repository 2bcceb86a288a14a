package org.onenumber.core.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;

/**
 * Waiting contacts indexed by eligibility class — (queue, language, capacity kind) and then the
 * exact required skill set — each class in line order, so an agent looks only at the heads of the
 * classes it can serve. Sticky contacts wait in a per-agent line instead; every waiting contact is
 * also in its primary queue's line, which gives positions. Not thread-safe.
 */
final class WaitingIndex {

  /** Line order: higher priority first, then longest waiting, then arrival order. */
  static final Comparator<Entry> ORDER = (a, b) -> {
    if (a.priority != b.priority) {
      return a.priority > b.priority ? -1 : 1;
    }
    int byAge = a.queuedAt.compareTo(b.queuedAt);
    return byAge != 0 ? byAge : Long.compare(a.seq, b.seq);
  };

  record Key(QueueId queue, Language language, Kind kind) {}

  /** One eligibility class: contacts needing exactly {@code skills}. */
  record Bucket(QueueId queue, Set<SkillLevel> skills, NavigableSet<Entry> entries) {}

  private final Map<Key, List<Bucket>> classes = new HashMap<>();
  private final Map<AgentId, NavigableSet<Entry>> sticky = new HashMap<>();
  private final Map<QueueId, NavigableSet<Entry>> lines = new HashMap<>();
  /** The same lines, for places in O(log n) ({@link #position}). */
  private final Map<QueueId, LineRanks> ranks = new HashMap<>();

  /** Puts the entry in every class of its targets, or in its preferred agent's line. */
  void add(Entry entry, boolean stickyOnly) {
    if (stickyOnly) {
      join(entry, sticky.computeIfAbsent(entry.preferred, a -> new TreeSet<>(ORDER)));
      return;
    }
    for (QueueId queue : entry.targets) {
      join(entry, bucket(new Key(queue, entry.language, entry.kind), queue, entry.skills).entries());
    }
  }

  void remove(Entry entry) {
    for (NavigableSet<Entry> set : entry.memberships) {
      set.remove(entry);
    }
    entry.memberships.clear();
  }

  boolean isIndexed(Entry entry) {
    return !entry.memberships.isEmpty();
  }

  List<Bucket> classes(QueueId queue, Language language, Kind kind) {
    return classes.getOrDefault(new Key(queue, language, kind), List.of());
  }

  NavigableSet<Entry> stickyFor(AgentId agent) {
    return sticky.get(agent);
  }

  void enterLine(Entry entry) {
    if (lines.computeIfAbsent(entry.primary(), q -> new TreeSet<>(ORDER)).add(entry)) {
      ranks.computeIfAbsent(entry.primary(), q -> new LineRanks()).add(entry);
    }
  }

  void leaveLine(Entry entry) {
    NavigableSet<Entry> line = lines.get(entry.primary());
    if (line != null && line.remove(entry)) {
      ranks.get(entry.primary()).remove(entry);
    }
  }

  NavigableSet<Entry> line(QueueId queue) {
    return lines.getOrDefault(queue, new TreeSet<>(ORDER));
  }

  /** 1 for the next contact to be served in its primary queue; O(log n) in the line's length. */
  int position(Entry entry) {
    LineRanks line = ranks.get(entry.primary());
    return (line == null ? 0 : line.ahead(entry)) + 1;
  }

  private static void join(Entry entry, NavigableSet<Entry> set) {
    set.add(entry);
    entry.memberships.add(set);
  }

  private Bucket bucket(Key key, QueueId queue, Set<SkillLevel> skills) {
    List<Bucket> list = classes.computeIfAbsent(key, k -> new ArrayList<>(2));
    for (Bucket bucket : list) {
      if (bucket.skills().equals(skills)) {
        return bucket;
      }
    }
    Bucket fresh = new Bucket(queue, Set.copyOf(skills), new TreeSet<>(ORDER));
    list.add(fresh);
    return fresh;
  }
}
