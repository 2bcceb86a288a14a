package org.onenumber.channels.call;

import java.util.Map;

/**
 * One end of a signalling connection, as the protocol sees it: the server adapts its WebSocket
 * session to this. {@link #send} must not block (the server queues the frame on the socket) and
 * does nothing once the connection is gone.
 */
public interface CallPeer {

  /** Stable for the life of the connection; two connections never share it. */
  String id();

  /** Sends one frame (a JSON object) to this end. */
  void send(Map<String, Object> frame);
}
