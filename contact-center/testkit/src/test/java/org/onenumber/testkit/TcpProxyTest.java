package org.onenumber.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

  /** A peer that answers each connection's bytes with the same bytes. */
  private static ServerSocket echo() throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          Thread t = new Thread(() -> {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
              in.transferTo(out);
            } catch (IOException gone) {
              // connection ended
            }
          }, "echo-conn");
          t.setDaemon(true);
          t.start();
        } catch (IOException closed) {
          return;
        }
      }
    }, "echo");
    thread.setDaemon(true);
    thread.start();
    return server;
  }

  private static String roundTrip(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    byte[] back = socket.getInputStream().readNBytes(text.length());
    return new String(back, StandardCharsets.UTF_8);
  }

  @Test
  void forwardsBothWaysThenBreaksOpenConnectionsAndRefusesNewOnesWhileCutThenForwardsAgain() throws Exception {
    try (ServerSocket peer = echo(); TcpProxy proxy = new TcpProxy("127.0.0.1", peer.getLocalPort())) {
      Socket before = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
      before.setSoTimeout(5_000);
      assertEquals("hello", roundTrip(before, "hello"));

      proxy.cut();
      assertThrows(IOException.class, () -> {
        before.getOutputStream().write('x');
        if (before.getInputStream().read() < 0) {
          throw new IOException("end of stream");
        }
      });
      try (Socket during = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        during.setSoTimeout(5_000);
        assertThrows(IOException.class, () -> {
          if (during.getInputStream().read() < 0) {
            throw new IOException("end of stream");
          }
        });
      }

      proxy.restore();
      try (Socket after = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        after.setSoTimeout(5_000);
        assertEquals("again", roundTrip(after, "again"));
      }
      assertEquals(1, proxy.refused());
    }
  }
}
