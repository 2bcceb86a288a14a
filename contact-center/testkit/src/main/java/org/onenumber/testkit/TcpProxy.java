package org.onenumber.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder between a client (the server's connection pool) and a real peer (PostgreSQL),
 * so a test can take the peer away and give it back without touching it. Listens on a loopback
 * port of its own; every accepted connection is piped both ways to the target by two threads.
 *
 * <ul>
 *   <li>{@link #cut()}: every open connection is reset (both sides see a broken socket, as when
 *       the database host dies) and, until {@link #restore()}, each new connection is accepted
 *       and reset at once (a refused connection, so the client fails fast instead of hanging).
 *   <li>{@link #restore()}: new connections are forwarded again. Old ones stay broken: a client
 *       must open new ones (pool validation).
 *   <li>{@link #delayingAnswers}: every byte the peer sends reaches the client that much later (a
 *       slow link or a loaded peer's answers), without limiting throughput: each chunk is written
 *       at its arrival plus the delay, in order, by a third thread per connection.
 * </ul>
 *
 * Thread-safe. Threads are named {@code tcp-proxy-*} and are daemons; {@link #close()} stops all.
 */
public final class TcpProxy implements AutoCloseable {

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean cut = new AtomicBoolean();
  private final AtomicLong refused = new AtomicLong();
  private final Thread acceptor;
  private volatile long answerDelayNanos;

  /** Starts forwarding from a free loopback port to {@code host:port}. */
  public TcpProxy(String host, int port) {
    this.target = new InetSocketAddress(host, port);
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("no loopback port for the proxy", e);
    }
    acceptor = new Thread(this::accept, "tcp-proxy-accept-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** From now on, what the peer sends reaches clients {@code delay} later; returns this proxy. */
  public TcpProxy delayingAnswers(java.time.Duration delay) {
    answerDelayNanos = delay.toNanos();
    return this;
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Resets every open connection and refuses new ones until {@link #restore()}. */
  public void cut() {
    cut.set(true);
    open.forEach(TcpProxy::reset);
    open.clear();
  }

  /** Forwards new connections again. */
  public void restore() {
    cut.set(false);
  }

  public boolean isCut() {
    return cut.get();
  }

  /** Connections accepted and reset while cut. */
  public long refused() {
    return refused.get();
  }

  @Override
  public void close() {
    cut();
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException closed) {
        return;
      }
      if (cut.get()) {
        refused.incrementAndGet();
        reset(client);
        continue;
      }
      forward(client);
    }
  }

  private void forward(Socket client) {
    Socket server = new Socket();
    try {
      server.connect(target, 2_000);
    } catch (IOException unreachable) {
      reset(client);
      return;
    }
    open.add(client);
    open.add(server);
    if (cut.get()) {
      cut();
      return;
    }
    pipe(client, server, "up");
    pipe(server, client, "down");
  }

  private void pipe(Socket from, Socket to, String direction) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = "down".equals(direction)
          ? new DelayedOutput(to.getOutputStream()) : to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException broken) {
        // the other side went away, or cut() reset it
      } finally {
        reset(from);
        reset(to);
        open.remove(from);
        open.remove(to);
      }
    }, "tcp-proxy-" + direction + "-" + from.getPort());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Writes each chunk {@link #answerDelayNanos} after it was given, in order, on a thread of its
   * own (at once while the delay is 0); a failed write closes the underlying stream.
   */
  private final class DelayedOutput extends OutputStream {
    private final OutputStream out;
    private final java.util.concurrent.BlockingQueue<Object[]> chunks = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Thread writer;

    DelayedOutput(OutputStream out) {
      this.out = out;
      this.writer = new Thread(this::drain, "tcp-proxy-delay");
      writer.setDaemon(true);
      writer.start();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      chunks.add(new Object[] {java.util.Arrays.copyOfRange(b, off, off + len), System.nanoTime() + answerDelayNanos});
    }

    /** Ends after the chunks given so far were written (at most their delay plus 2 s). */
    @Override
    public void close() {
      chunks.add(new Object[0]);
      try {
        writer.join(answerDelayNanos / 1_000_000 + 2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void drain() {
      try {
        for (Object[] chunk = chunks.take(); chunk.length > 0; chunk = chunks.take()) {
          long wait = (long) chunk[1] - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          out.write((byte[]) chunk[0]);
          out.flush();
        }
      } catch (IOException | InterruptedException broken) {
        // the client went away
      } finally {
        try {
          out.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
  }

  /** Closes with SO_LINGER 0: the peer gets a reset, not an orderly end of stream. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException alreadyClosed) {
      // nothing to reset
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
