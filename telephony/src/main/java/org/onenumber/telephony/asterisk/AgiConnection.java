package org.onenumber.telephony.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One FastAGI connection as Asterisk-Java's session reads and writes it, with small buffers: AGI
 * lines are short (a reply is one line, the environment block about 1 KB), so a line is read into a
 * 512-byte buffer that grows only for a longer line, and a command is written from a 256-byte buffer
 * in one socket write at {@link #flush()}. Asterisk-Java's own connection allocates about 40 KB per
 * call (an 8 KB decoder, an 8 KB encoder, a 16 KB writer buffer and a scanner) — half of what the
 * FastAGI server allocated per call in {@code FastAgiBench}. Lines end at {@code \n} (Asterisk's
 * terminator), decoded as UTF-8; the end of the stream is an {@link IOException} ("No more lines
 * available", as Asterisk-Java's). Not thread-safe: the session thread owns it.
 *
 * <p>A {@link Turnarounds} sink, when given, is told each command's server turnaround: from the
 * moment the line before it was read (Asterisk's reply, or the environment's last line) to the
 * command written, i.e. the server's own share of a round trip, without the wake-ups on either side
 * (the bench's server-side figure).
 */
final class AgiConnection implements SocketConnectionFacade {

  /** Told the server turnaround of each command of a connection, numbered from 1. */
  interface Turnarounds {
    void took(int command, long nanos);
  }

  /** Asterisk-Java's read time-out when none is configured: three hours. */
  private static final int DEFAULT_READ_TIMEOUT_MS = 10_800_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private byte[] input = new byte[512];
  private int start;
  private int end;
  private byte[] output = new byte[256];
  private int written;
  private final Turnarounds turnarounds;
  private long lastLineRead;
  private int commands;

  /** {@code readTimeoutMillis}: -1 none, 0 Asterisk-Java's default (three hours), else that. */
  AgiConnection(Socket socket, int readTimeoutMillis, Turnarounds turnarounds) throws IOException {
    this.socket = socket;
    this.turnarounds = turnarounds;
    socket.setSoTimeout(readTimeoutMillis == -1 ? 0 : readTimeoutMillis == 0 ? DEFAULT_READ_TIMEOUT_MS : readTimeoutMillis);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  @Override
  public String readLine() throws IOException {
    int from = start;
    while (true) {
      for (int i = from; i < end; i++) {
        if (input[i] == '\n') {
          String line = new String(input, start, i - start, StandardCharsets.UTF_8);
          start = i + 1;
          if (turnarounds != null) {
            lastLineRead = System.nanoTime();
          }
          return line;
        }
      }
      from = end - start; // every unread byte was scanned; fill() moves them to the front
      fill();
    }
  }

  /** Moves the unread bytes to the front (growing the buffer when full) and reads more. */
  private void fill() throws IOException {
    int unread = end - start;
    if (unread == input.length) {
      input = Arrays.copyOf(input, input.length * 2);
    } else if (start > 0) {
      System.arraycopy(input, start, input, 0, unread);
    }
    start = 0;
    end = unread;
    int n = in.read(input, end, input.length - end);
    if (n < 0) {
      throw new IOException("No more lines available: the FastAGI connection was closed");
    }
    end += n;
  }

  @Override
  public void write(String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (written + bytes.length > output.length) {
      output = Arrays.copyOf(output, Math.max(output.length * 2, written + bytes.length));
    }
    System.arraycopy(bytes, 0, output, written, bytes.length);
    written += bytes.length;
  }

  @Override
  public void flush() throws IOException {
    out.write(output, 0, written);
    out.flush();
    written = 0;
    if (turnarounds != null) {
      turnarounds.took(++commands, System.nanoTime() - lastLineRead);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  @Override
  public boolean isConnected() {
    return socket.isConnected();
  }

  @Override
  public InetAddress getLocalAddress() {
    return socket.getLocalAddress();
  }

  @Override
  public int getLocalPort() {
    return socket.getLocalPort();
  }

  @Override
  public InetAddress getRemoteAddress() {
    return socket.getInetAddress();
  }

  @Override
  public int getRemotePort() {
    return socket.getPort();
  }
}
