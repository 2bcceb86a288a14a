package org.onenumber.server.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/**
 * A TCP relay between a test's client and the server that can make the client vanish the way a
 * rebooted machine or a NAT that forgot the connection does: after {@link #vanish} the server hears
 * nothing (no FIN: the relay keeps its connection open), and the next byte the server sends is
 * answered with a reset. A server that never writes to a quiet connection never learns the client
 * is gone. One connection.
 */
final class VanishingPeer implements AutoCloseable {

  private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  private final URI target;
  private volatile boolean vanished;
  private volatile Socket client;
  private volatile Socket upstream;

  VanishingPeer(URI target) throws IOException {
    this.target = target;
    Thread.ofVirtual().name("vanishing-peer").start(this::relay);
  }

  /** Where the test's client connects. */
  int port() {
    return listener.getLocalPort();
  }

  /** The client is gone: its side closed, the server's side silent until the server writes. */
  void vanish() throws IOException {
    vanished = true;
    client.close();
  }

  private void relay() {
    try {
      client = listener.accept();
      upstream = new Socket(target.getHost(), target.getPort());
      Thread.ofVirtual().name("vanishing-peer-up").start(() -> copy(client, upstream, false));
      copy(upstream, client, true);
    } catch (IOException e) {
      // closed by the test
    }
  }

  /** Copies {@code from} to {@code to}; from the server, once vanished, answers the next byte with a reset. */
  private void copy(Socket from, Socket to, boolean fromServer) {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (vanished) {
          if (fromServer) {
            from.setSoLinger(true, 0);
            from.close(); // RST: the connection no longer exists on the client's side
          }
          return;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the client's side was closed by vanish(): the server's side stays open and silent
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    if (upstream != null) {
      upstream.close();
    }
  }
}
