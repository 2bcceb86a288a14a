package org.onenumber.server.sockets;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a frame a client sent on one of the server's WebSockets: a JSON object, or nothing when
 * the text is anything else — not JSON, cut short, nested past the parser's depth limit, or a JSON
 * value that is not an object ({@code null}, an array, a number, a string; {@code null} once failed
 * the chat socket with a NullPointerException). The sockets answer {@link #INVALID} then and stay open.
 */
public final class ClientFrames {

  /** The answer to a frame that is not a JSON object. */
  public static final Map<String, Object> INVALID = Map.of("type", "error", "error", "invalid_input",
      "message", "frames are JSON objects");

  private ClientFrames() {
  }

  /** The JSON object {@code text}, or empty when it is not one. */
  public static Optional<Map<String, Object>> read(JsonMapper json, String text) {
    try {
      return Optional.ofNullable(json.readValue(text, Argument.mapOf(String.class, Object.class)));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }
}
