package org.onenumber.channels.call;

import java.util.LinkedHashMap;
import java.util.Map;
import org.onenumber.core.error.InvalidInputException;

/**
 * Checks the WebRTC frames that are relayed between the two parties and copies only the known
 * fields, so that nothing else travels from one browser to the other. The cases:
 *
 * <ol>
 *   <li>{@code offer} / {@code answer}: {@code sdp} is text of at most {@value #MAX_SDP} characters
 *       that starts with {@code v=0} (RFC 8866) and holds no NUL character.
 *   <li>{@code candidate}: {@code candidate} is at most {@value #MAX_CANDIDATE} characters and
 *       empty (end of candidates) or starts with {@code candidate:}; {@code sdpMid} at most 32
 *       characters; {@code sdpMLineIndex} 0..15 or absent.
 *   <li>Anything else is invalid input; the message never quotes what was sent.
 * </ol>
 */
public final class SignalFrames {

  /** Chromium's offer for audio, video and a data channel is about 6 KB; an ICE restart is no larger. */
  public static final int MAX_SDP = 20_000;
  public static final int MAX_CANDIDATE = 1_000;

  private SignalFrames() {}

  /** Case 1: the relayed copy of an offer or answer. */
  public static Map<String, Object> description(String type, Map<String, Object> frame) {
    if (!(frame.get("sdp") instanceof String sdp) || sdp.isBlank()) {
      throw new InvalidInputException("sdp is required");
    }
    if (sdp.length() > MAX_SDP) {
      throw new InvalidInputException("sdp is longer than " + MAX_SDP + " characters");
    }
    if (!sdp.startsWith("v=0") || sdp.indexOf('\0') >= 0) {
      throw new InvalidInputException("sdp is not a session description");
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    if (type.equals("offer")) {
      copy.put("type", "offer");
    } else {
      copy.put("type", "answer");
    }
    copy.put("sdp", sdp);
    return copy;
  }

  /** Case 2: the relayed copy of an ICE candidate. */
  public static Map<String, Object> candidate(Map<String, Object> frame) {
    if (!(frame.get("candidate") instanceof String candidate)) {
      throw new InvalidInputException("candidate is required");
    }
    if (candidate.length() > MAX_CANDIDATE || !candidate.isEmpty() && !candidate.startsWith("candidate:")) {
      throw new InvalidInputException("candidate is not an ICE candidate");
    }
    Object mid = frame.get("sdpMid");
    if (mid != null && (!(mid instanceof String m) || m.length() > 32)) {
      throw new InvalidInputException("sdpMid is not a media id");
    }
    Object index = frame.get("sdpMLineIndex");
    if (index != null && (!(index instanceof Number n) || n.intValue() < 0 || n.intValue() > 15)) {
      throw new InvalidInputException("sdpMLineIndex must be 0..15");
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    copy.put("type", "candidate");
    copy.put("candidate", candidate);
    copy.put("sdpMid", mid);
    copy.put("sdpMLineIndex", index == null ? null : ((Number) index).intValue());
    return copy;
  }
}
