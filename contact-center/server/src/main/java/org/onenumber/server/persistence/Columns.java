package org.onenumber.server.persistence;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onenumber.core.directory.SkillLevel;

/**
 * The small list formats stored in single columns: {@code ko,en} for sets of codes and
 * {@code general:3,tax:2} for skills. Order is kept sorted so equal sets store equally.
 */
final class Columns {

  private Columns() {}

  static String join(Collection<?> values) {
    return values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
  }

  static <T> Set<T> split(String column, Function<String, T> parse) {
    if (column == null || column.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(column.split(",")).map(String::trim).map(parse)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static String skills(Collection<SkillLevel> skills) {
    return skills.stream().map(s -> s.skill().code() + ":" + s.level()).sorted().collect(Collectors.joining(","));
  }

  static Set<SkillLevel> skills(String column) {
    return split(column, part -> {
      String[] pair = part.split(":");
      return SkillLevel.of(pair[0], Integer.parseInt(pair[1]));
    });
  }

  static List<SkillLevel> skillList(String column) {
    return List.copyOf(skills(column));
  }
}
