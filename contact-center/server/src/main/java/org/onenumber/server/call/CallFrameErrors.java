package org.onenumber.server.call;

import java.util.Map;
import org.onenumber.channels.call.CallPeer;
import org.onenumber.core.error.OneNumberException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a refused call frame is answered, wherever it is handled (the socket's node, or the call's home for
 * a socket on another node): an {@code error} frame to its sender, whose connection stays open.
 */
final class CallFrameErrors {

  private static final Logger LOG = LoggerFactory.getLogger(CallFrameErrors.class);

  private CallFrameErrors() {}

  /** Runs {@code frame}'s handling; a refusal or failure is answered to {@code sender} as an {@code error} frame. */
  static void answering(CallPeer sender, Runnable frame) {
    try {
      frame.run();
    } catch (OneNumberException e) {
      sender.send(Map.of("type", "error", "error", e.code(), "message", e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("call frame failed", e);
      sender.send(Map.of("type", "error", "error", "internal", "message", "the server could not handle this"));
    }
  }
}
