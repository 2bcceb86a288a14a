package org.onenumber.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onenumber.core.knowledge.AnswerContent;

/** The demo answer set ({@code seed/answers.yml}) covers the demo city and reads as intended. */
class DemoAnswersTest {

  private final List<AnswerContent> answers = SeedFiles.answers();

  @Test
  void holdsAtLeast150AnswersWithUniqueExternalIds() {
    assertTrue(answers.size() >= 150, "demo answers: " + answers.size());
    Set<String> ids = new HashSet<>();
    answers.forEach(a -> assertTrue(ids.add(a.externalId()), "duplicate external id " + a.externalId()));
  }

  @Test
  void everyDepartmentHasKeywordedAnswersInKoreanAndEnglish() {
    Set<String> departments = SeedFiles.departments().stream()
        .map(d -> d.department().id().value()).collect(Collectors.toSet());
    Map<String, Set<String>> languages = answers.stream().collect(Collectors.groupingBy(
        AnswerContent::department, Collectors.mapping(a -> a.language().code(), Collectors.toSet())));
    assertEquals(departments, languages.keySet(), "departments with answers");
    languages.forEach((department, langs) -> assertEquals(Set.of("ko", "en"), langs, department));
    answers.forEach(a -> assertFalse(a.keywords().isEmpty() || a.category().isBlank(), a.externalId()));
  }

  @Test
  void readsValidityDatesAsMidnightInTheCity() {
    AnswerContent snow = answers.stream().filter(a -> a.externalId().equals("demo-snow-ko")).findFirst().orElseThrow();
    assertEquals(LocalDate.of(2026, 11, 15).atStartOfDay(SeedFiles.CITY_ZONE).toInstant(), snow.validity().from());
    assertEquals(LocalDate.of(2027, 3, 16).atStartOfDay(SeedFiles.CITY_ZONE).toInstant(), snow.validity().until());
  }
}
