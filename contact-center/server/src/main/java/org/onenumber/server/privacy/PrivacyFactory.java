package org.onenumber.server.privacy;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Wires the retention periods from {@code onenumber.retention.*-days} (defaults in {@link RetentionPeriods}). */
@Factory
final class PrivacyFactory {

  @Singleton
  RetentionPeriods retentionPeriods(@Value("${onenumber.retention.messages-days:365}") long messagesDays,
      @Value("${onenumber.retention.chat-transcripts-days:90}") long chatDays,
      @Value("${onenumber.retention.audit-days:1825}") long auditDays) {
    return new RetentionPeriods(Duration.ofDays(messagesDays), Duration.ofDays(chatDays), Duration.ofDays(auditDays));
  }
}
