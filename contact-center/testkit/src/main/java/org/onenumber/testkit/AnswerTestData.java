package org.onenumber.testkit;

import java.time.Instant;
import java.util.List;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.Audience;
import org.onenumber.core.knowledge.Facility;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.core.knowledge.ValidityPeriod;

/** Builders for answers in tests: a readable default for everything not under test. */
public final class AnswerTestData {

  public static final Instant AT = Instant.parse("2026-11-23T00:00:00Z");

  private AnswerTestData() {}

  public static AnswerContent content(String title, String body, String department) {
    return new AnswerContent(null, title, body, Language.ENGLISH, department, "", List.of(), List.of(),
        Audience.PUBLIC, ValidityPeriod.ALWAYS, null);
  }

  public static AnswerContent content(String title, String body, String department, Language language) {
    return new AnswerContent(null, title, body, language, department, "", List.of(), List.of(),
        Audience.PUBLIC, ValidityPeriod.ALWAYS, null);
  }

  public static Answer published(String id, AnswerContent content) {
    return new Answer(new AnswerId(id), content, ReviewStatus.PUBLISHED, 2, "test", AT);
  }

  public static Answer published(String id, String title, String body, String department) {
    return published(id, content(title, body, department));
  }

  public static Answer withStatus(Answer a, ReviewStatus status) {
    return new Answer(a.id(), a.content(), status, a.version() + 1, "test", AT);
  }

  public static AnswerContent withCategory(AnswerContent c, String category) {
    return new AnswerContent(c.externalId(), c.title(), c.body(), c.language(), c.department(), category,
        c.keywords(), c.synonyms(), c.audience(), c.validity(), c.facility());
  }

  public static AnswerContent withValidity(AnswerContent c, ValidityPeriod validity) {
    return new AnswerContent(c.externalId(), c.title(), c.body(), c.language(), c.department(), c.category(),
        c.keywords(), c.synonyms(), c.audience(), validity, c.facility());
  }

  public static AnswerContent withFacility(AnswerContent c, Facility facility) {
    return new AnswerContent(c.externalId(), c.title(), c.body(), c.language(), c.department(), c.category(),
        c.keywords(), c.synonyms(), c.audience(), c.validity(), facility);
  }

  public static AnswerContent withExternalId(AnswerContent c, String externalId) {
    return new AnswerContent(externalId, c.title(), c.body(), c.language(), c.department(), c.category(),
        c.keywords(), c.synonyms(), c.audience(), c.validity(), c.facility());
  }
}
