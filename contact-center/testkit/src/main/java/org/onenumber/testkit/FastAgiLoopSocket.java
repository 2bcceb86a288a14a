package org.onenumber.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A non-blocking socket of a {@link FastAgiCalls} loop, a call's own ({@link FastAgiLoopCall}) or
 * its operator's leg: connects without blocking the loop, then hears that it can be read (or
 * written); any failure goes to {@link #failed}. Touched on the loop thread only.
 */
abstract class FastAgiLoopSocket {

  final FastAgiCalls loop;
  final InetSocketAddress server;
  SocketChannel socket;

  FastAgiLoopSocket(FastAgiCalls loop, InetSocketAddress server) {
    this.loop = loop;
    this.server = server;
  }

  /** The call this socket belongs to. */
  abstract FastAgiLoopCall call();

  /** Connected: the environment goes out. */
  abstract void connectedNow() throws IOException;

  /** Bytes (or the end) can be read. */
  abstract void readable() throws IOException;

  /** Lines held back can be written now. */
  void writable() throws IOException {}

  /** The connect, a read or a write failed (or timed out). */
  abstract void failed(Throwable e);

  /** Reads what came into {@code buffer}: the bytes read, or -1 at the end (a reset is an end too). */
  final int readOrEnd(java.nio.ByteBuffer buffer) {
    try {
      return socket.read(buffer);
    } catch (IOException reset) {
      return -1;
    }
  }

  /** Connects (on the loop). */
  final void open() {
    try {
      socket = loop.connect(server, this, this::failed);
      if (socket.isConnected()) {
        connectedNow();
      }
    } catch (IOException | RuntimeException e) {
      failed(e);
    }
  }

  /** The selector says this socket is ready. */
  final void ready(SelectionKey key) {
    try {
      if (key.isConnectable()) {
        socket.finishConnect();
        key.interestOps(SelectionKey.OP_READ);
        connectedNow();
        return;
      }
      if (key.isWritable()) {
        writable();
      }
      if (key.isValid() && key.isReadable()) {
        readable();
      }
    } catch (IOException | RuntimeException e) {
      failed(e);
    }
  }
}
