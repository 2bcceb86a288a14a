package org.onenumber.server.privacy;

import java.time.Duration;

/**
 * How long each kind of personal data is kept, from {@code onenumber.retention.*} (days). Defaults:
 * SMS and other messages 365 days, chat transcripts 90 days, the audit trail 1,825 days (five years,
 * the longest, so a citizen can still ask who looked long after the data itself is gone). Recordings
 * keep their own setting, {@code onenumber.telephony.recording.retention-days} (90), swept by the
 * telephony module's {@code RecordingRetention}. Every period must be at least one day.
 */
public record RetentionPeriods(Duration messages, Duration chatTranscripts, Duration audit) {

  public RetentionPeriods {
    for (Duration d : new Duration[] {messages, chatTranscripts, audit}) {
      if (d == null || d.compareTo(Duration.ofDays(1)) < 0) {
        throw new IllegalArgumentException("every onenumber.retention period must be at least one day");
      }
    }
  }
}
