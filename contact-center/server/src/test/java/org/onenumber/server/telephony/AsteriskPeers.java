package org.onenumber.server.telephony;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.onenumber.server.TestHttp;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/**
 * What the server-level Asterisk tests share: a free FastAGI port, the properties that point the
 * server's FastAGI and AMI sides at the test's peers, and a JSON call that answers its status when
 * the body is not JSON.
 */
final class AsteriskPeers {

  private AsteriskPeers() {}

  /** FastAGI on {@code agiPort}, AMI at the replay {@code peer}, plus {@code database}. */
  static Map<String, String> properties(Map<String, String> database, int agiPort, AmiReplayPeer peer) {
    Map<String, String> properties = new HashMap<>(database);
    properties.put("onenumber.telephony.asterisk.agi.enabled", "true");
    properties.put("onenumber.telephony.asterisk.agi.port", Integer.toString(agiPort));
    properties.put("onenumber.telephony.asterisk.ami.port", Integer.toString(peer.port()));
    properties.put("onenumber.telephony.asterisk.ami.username", AmiReplayPeer.USERNAME);
    properties.put("onenumber.telephony.asterisk.ami.secret", AmiReplayPeer.SECRET);
    return properties;
  }

  static Map<String, Object> send(TestHttp http, EmbeddedServer server, String method, String path, String body,
      String token) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(server, method, path, body, token);
    return response.body().startsWith("{") ? http.map(server, response) : Map.of("status", response.statusCode());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for FastAGI", e);
    }
  }
}
