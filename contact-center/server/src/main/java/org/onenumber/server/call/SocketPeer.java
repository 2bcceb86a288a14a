package org.onenumber.server.call;

import io.micronaut.json.JsonMapper;
import io.micronaut.websocket.WebSocketSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.onenumber.channels.call.CallPeer;

/** A call socket as the signalling sees it: frames are written as JSON and queued on the socket. */
record SocketPeer(WebSocketSession socket, JsonMapper json) implements CallPeer {

  @Override
  public String id() {
    return socket.getId();
  }

  @Override
  public void send(Map<String, Object> frame) {
    if (!socket.isOpen()) {
      return;
    }
    try {
      socket.sendAsync(json.writeValueAsString(frame));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
