package org.onenumber.testkit;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.AnswerSearchResult;
import org.onenumber.core.knowledge.FacetCount;
import org.onenumber.core.knowledge.NearestFacility;
import org.onenumber.core.knowledge.RebuildProgress;
import org.onenumber.core.port.out.AnswerIndex;

/**
 * A naive in-memory index: an answer matches when its title, keywords or body contain every query
 * word (case-insensitive); score is the number of title words matched. Good enough to test
 * callers; no analysis, no typo tolerance. Thread-safe; changes are visible at once.
 */
public final class FakeAnswerIndex implements AnswerIndex {

  private final Map<String, Answer> answers = new TreeMap<>();
  private RebuildProgress progress = RebuildProgress.IDLE;

  @Override
  public synchronized void index(Answer answer) {
    answers.put(answer.id().value(), answer);
  }

  @Override
  public synchronized void delete(AnswerId id) {
    answers.remove(id.value());
  }

  @Override
  public void refresh() {}

  @Override
  public synchronized AnswerSearchResult search(AnswerQuery q) {
    String[] words = q.text().toLowerCase(Locale.ROOT).split("\\s+");
    List<Answer> matching =
        answers.values().stream().filter(a -> passes(a, q)).filter(a -> containsAll(a, words))
            .sorted(Comparator.comparingInt((Answer a) -> -titleMatches(a, words))).toList();
    List<AnswerHit> hits =
        matching.stream().skip((long) q.page() * q.pageSize()).limit(q.pageSize())
            .map(a -> hit(a, titleMatches(a, words))).toList();
    Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
    facets.put("department", facet(matching, c -> c.department()));
    facets.put("category", facet(matching, c -> c.category()));
    return new AnswerSearchResult(matching.size(), hits, facets, null);
  }

  @Override
  public synchronized List<String> suggest(String prefix, Language language, int limit, Instant at) {
    String p = prefix.toLowerCase(Locale.ROOT);
    return answers.values().stream().filter(a -> a.isLiveAt(at))
        .filter(a -> language == null || a.content().language().equals(language))
        .map(Answer::title).filter(t -> t.toLowerCase(Locale.ROOT).contains(p)).limit(limit).toList();
  }

  @Override
  public synchronized List<NearestFacility> nearest(double lat, double lon, String type, int limit, Instant at) {
    return answers.values().stream().filter(a -> a.isLiveAt(at)).filter(a -> a.content().facility() != null)
        .filter(a -> type == null || a.content().facility().type().equals(type))
        .map(a -> new NearestFacility(a.id(), a.title(), a.content().facility(),
            Haversine.meters(lat, lon, a.content().facility().latitude(), a.content().facility().longitude())))
        .sorted(Comparator.comparingDouble(NearestFacility::distanceMeters)).limit(limit).toList();
  }

  @Override
  public synchronized void rebuild(Iterator<Answer> source, long expected) {
    answers.clear();
    long done = 0;
    while (source.hasNext()) {
      index(source.next());
      done++;
    }
    progress = new RebuildProgress(done, expected, done, false);
  }

  @Override
  public synchronized RebuildProgress rebuildProgress() {
    return progress;
  }

  @Override
  public synchronized Map<AnswerId, Long> versions() {
    Map<AnswerId, Long> out = new LinkedHashMap<>();
    answers.values().forEach(a -> out.put(a.id(), (long) a.version()));
    return out;
  }

  @Override
  public synchronized long size() {
    return answers.size();
  }

  private static boolean passes(Answer a, AnswerQuery q) {
    AnswerContent c = a.content();
    return (q.includeNotLive() || a.isLiveAt(q.at()))
        && (q.languages().isEmpty() || q.languages().contains(c.language()))
        && (q.department() == null || c.department().equals(q.department()))
        && (q.category() == null || c.category().equals(q.category()))
        && (q.audience() == null || c.audience() == q.audience());
  }

  private static boolean containsAll(Answer a, String[] words) {
    String text = (a.title() + " " + String.join(" ", a.content().keywords()) + " " + a.content().body())
        .toLowerCase(Locale.ROOT);
    for (String w : words) {
      if (!text.contains(w)) {
        return false;
      }
    }
    return true;
  }

  private static int titleMatches(Answer a, String[] words) {
    String title = a.title().toLowerCase(Locale.ROOT);
    int n = 0;
    for (String w : words) {
      n += title.contains(w) ? 1 : 0;
    }
    return n;
  }

  private static AnswerHit hit(Answer a, int score) {
    AnswerContent c = a.content();
    String snippet = c.body().length() > 200 ? c.body().substring(0, 200) : c.body();
    return new AnswerHit(a.id(), c.externalId(), a.title(), snippet, c.department(), c.category(), score);
  }

  private static List<FacetCount> facet(List<Answer> matching, Function<AnswerContent, String> key) {
    return matching.stream().map(a -> key.apply(a.content())).filter(Objects::nonNull).filter(s -> !s.isEmpty())
        .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()))
        .entrySet().stream().map(e -> new FacetCount(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(FacetCount::count).reversed()).toList();
  }
}
