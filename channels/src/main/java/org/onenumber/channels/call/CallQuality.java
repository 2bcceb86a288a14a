package org.onenumber.channels.call;

import java.util.Map;
import org.onenumber.core.error.InvalidInputException;

/**
 * A call's connection quality as the operator's console measured it with {@code getStats()}: the
 * time from the operator's accept to the first decoded remote frame, and the latest round trip,
 * packet loss, frame rate, received bitrate and frames decoded. The console sends the whole summary
 * each time ({@code quality} frame); the last one is what is kept. Ranges are checked in
 * {@link #from}; {@code null} means not measured yet.
 */
public record CallQuality(Long firstFrameMs, Long rttMs, Double lossPercent, Double fps, Long bitrateKbps,
    Long framesDecoded) {

  /** The summary in a {@code quality} frame. */
  public static CallQuality from(Map<String, Object> frame) {
    return new CallQuality(whole(frame, "firstFrameMs", 600_000), whole(frame, "rttMs", 60_000),
        decimal(frame, "lossPercent", 100), decimal(frame, "fps", 240), whole(frame, "bitrateKbps", 1_000_000),
        whole(frame, "framesDecoded", Long.MAX_VALUE));
  }

  private static Long whole(Map<String, Object> frame, String field, long max) {
    Double value = decimal(frame, field, max);
    return value == null ? null : Math.round(value);
  }

  private static Double decimal(Map<String, Object> frame, String field, double max) {
    Object value = frame.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0 || n.doubleValue() > max) {
      throw new InvalidInputException(field + " must be a number from 0 to " + (long) max);
    }
    return n.doubleValue();
  }
}
