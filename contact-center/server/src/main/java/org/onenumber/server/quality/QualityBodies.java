package org.onenumber.server.quality;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** Request bodies of the quality-evaluation API (docs/api/analytics.md). */
final class QualityBodies {

  private QualityBodies() {}

  /** One criterion of a form. */
  @Serdeable
  record Criterion(@Nullable String code, @Nullable String name, @Nullable Double weight) {}

  /** A form: name, the points each criterion is scored out of, the weighted criteria. */
  @Serdeable
  record Form(@Nullable String name, @Nullable Integer maxPoints, @Nullable List<Criterion> criteria) {}

  /** A sample: how many contacts (1..50), of the last {@code days} (1..90, default 7), optionally one operator's. */
  @Serdeable
  record Sample(@Nullable Integer size, @Nullable Integer days, @Nullable String operator) {}

  /** An evaluator's scores of one contact against a form: criterion code → points. */
  @Serdeable
  record Score(@Nullable String form, @Nullable String contact, @Nullable Map<String, Integer> points) {}
}
