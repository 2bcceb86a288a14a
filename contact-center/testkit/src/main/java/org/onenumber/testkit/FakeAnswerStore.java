package org.onenumber.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerVersion;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.core.port.out.AnswerStore;

/** In-memory answers with history and the same optimistic version check as the JDBC store. Thread-safe. */
public final class FakeAnswerStore implements AnswerStore {

  private final Map<String, Answer> current = new TreeMap<>();
  private final Map<String, List<AnswerVersion>> history = new TreeMap<>();

  @Override
  public synchronized void save(Answer answer, String change) {
    Answer stored = current.get(answer.id().value());
    if (stored != null && stored.version() >= answer.version()) {
      throw new IllegalTransitionException("answer " + answer.id() + " version", stored.version(), answer.version());
    }
    current.put(answer.id().value(), answer);
    history.computeIfAbsent(answer.id().value(), k -> new ArrayList<>()).add(new AnswerVersion(answer, change));
  }

  @Override
  public synchronized Optional<Answer> find(AnswerId id) {
    return Optional.ofNullable(current.get(id.value()));
  }

  @Override
  public synchronized Optional<Answer> findByExternalId(String externalId) {
    return current.values().stream().filter(a -> Objects.equals(a.content().externalId(), externalId)).findFirst();
  }

  @Override
  public synchronized List<AnswerVersion> history(AnswerId id) {
    return List.copyOf(history.getOrDefault(id.value(), List.of()));
  }

  @Override
  public synchronized long count() {
    return current.size();
  }

  @Override
  public void forEach(Consumer<Answer> each) {
    List<Answer> all;
    synchronized (this) {
      all = List.copyOf(current.values());
    }
    all.forEach(each);
  }

  @Override
  public synchronized List<Answer> publishedEndedBy(Instant at, int limit) {
    return current.values().stream()
        .filter(a -> a.status() == ReviewStatus.PUBLISHED && a.content().validity().endedBy(at))
        .limit(limit)
        .toList();
  }
}
