package org.onenumber.ops.simulator;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket listener that joins a text message sent in parts and hands each whole frame to
 * {@link #onFrame}, then asks for the next. Called by the HTTP client one message at a time.
 */
abstract class TextFrames implements WebSocket.Listener {

  private final StringBuilder text = new StringBuilder();

  /** One whole text frame; must not block (hand long work to another thread). */
  abstract void onFrame(String frame);

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      String frame = text.toString();
      text.setLength(0);
      onFrame(frame);
    }
    webSocket.request(1);
    return null;
  }
}
