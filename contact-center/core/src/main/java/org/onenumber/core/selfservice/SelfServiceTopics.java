package org.onenumber.core.selfservice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

/**
 * The city's topic menu: a few {@link SelfServiceTopic}s with distinct digits and keys. Written in
 * configuration as one line, topics separated by {@code ;}, each {@code <digit> <key> <lang>=<answer
 * external id> ...}, e.g. {@code 1 water-bill ko=demo-water-bill-ko en=demo-water-bill-en}.
 * Immutable and thread-safe.
 */
public final class SelfServiceTopics {

  public static final SelfServiceTopics NONE = new SelfServiceTopics(List.of());

  private final List<SelfServiceTopic> topics;

  public SelfServiceTopics(List<SelfServiceTopic> topics) {
    this.topics = List.copyOf(topics);
    Set<String> digits = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (SelfServiceTopic t : this.topics) {
      if (!digits.add(t.digit()) || !keys.add(t.key())) {
        throw new InvalidInputException("two topics share digit " + t.digit() + " or key " + t.key());
      }
    }
  }

  /**
   * Reads the configuration line; blank means no topics.
   *
   * @throws InvalidInputException naming the topic that cannot be read
   */
  public static SelfServiceTopics parse(String line) {
    if (line == null || line.isBlank()) {
      return NONE;
    }
    List<SelfServiceTopic> parsed = new ArrayList<>();
    for (String entry : line.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] words = entry.strip().split("\\s+");
      if (words.length < 3) {
        throw new InvalidInputException("topic '" + entry.strip() + "' needs a digit, a key and lang=answer");
      }
      Map<Language, String> answers = new HashMap<>();
      for (int i = 2; i < words.length; i++) {
        int eq = words[i].indexOf('=');
        if (eq <= 0 || eq == words[i].length() - 1) {
          throw new InvalidInputException("topic " + words[1] + ": '" + words[i] + "' is not lang=answer");
        }
        answers.put(Language.of(words[i].substring(0, eq)), words[i].substring(eq + 1));
      }
      parsed.add(new SelfServiceTopic(words[0], words[1], answers));
    }
    return new SelfServiceTopics(parsed);
  }

  /** The topics with an answer in {@code language}, in digit order. */
  public List<SelfServiceTopic> in(Language language) {
    return topics.stream().filter(t -> t.speaks(language))
        .sorted(java.util.Comparator.comparing(SelfServiceTopic::digit)).toList();
  }

  /** The topic {@code digit} chooses for a caller speaking {@code language}. */
  public Optional<SelfServiceTopic> byDigit(String digit, Language language) {
    return topics.stream().filter(t -> t.digit().equals(digit) && t.speaks(language)).findFirst();
  }

  public List<SelfServiceTopic> all() {
    return topics;
  }
}
