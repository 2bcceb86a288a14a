package org.onenumber.telephony.asterisk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The FastAGI listening socket (backlog 200, as Asterisk-Java's), handing each accepted call to an
 * {@link AgiConnection}. Accepts on Asterisk-Java's acceptor thread only.
 */
final class AgiServerSocket implements ServerSocketFacade {

  private final ServerSocket socket;
  private volatile int readTimeoutMillis;
  private final AgiConnection.Turnarounds turnarounds;

  /** {@code turnarounds}: told each command's server turnaround, or null (production). */
  AgiServerSocket(int port, InetAddress bind, AgiConnection.Turnarounds turnarounds) throws IOException {
    this.socket = new ServerSocket(port, 200, bind);
    this.turnarounds = turnarounds;
  }

  @Override
  public SocketConnectionFacade accept() throws IOException {
    return new AgiConnection(socket.accept(), readTimeoutMillis, turnarounds);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  @Override
  public void setSocketReadTimeout(int millis) {
    this.readTimeoutMillis = millis;
  }
}
