package org.onenumber.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.onenumber.testkit.AgiChannelReplies.Reply;
import org.onenumber.testkit.FastAgiCaller.Command;

/**
 * One call of a {@link FastAgiCalls} loop: its non-blocking socket, the lines read and written, and
 * what the call waits for (a prompt playing, a held {@code Dial}, the operator's {@link Leg}). Every
 * field but the commands, the futures and the failure is touched on the loop thread only; the
 * {@link FastAgiCalls.Call} methods hand their work to the loop.
 *
 * <p>Timestamps as {@link FastAgiCaller}'s, on this side of the socket: a command's round trip runs
 * from the moment this call's previous reply was written ({@link System#nanoTime()} after the
 * write) to the moment its bytes were read (after the read that brought them).
 */
final class FastAgiLoopCall extends FastAgiLoopSocket implements FastAgiCalls.Call {

  /** What to do with one line read. */
  private interface LineHandler {
    void accept(String line) throws IOException;
  }

  /** Longest command line taken (Asterisk's own AGI buffer is 2 KiB). */
  private static final int LINE_BYTES = 4096;

  private final AgiChannelReplies replies;
  private final ToLongFunction<String> playNanos;
  private final Consumer<Command> onCommand;
  private final List<Command> commands = new ArrayList<>();
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final ByteBuffer in = ByteBuffer.allocate(LINE_BYTES);
  private final Queue<ByteBuffer> out = new ArrayDeque<>();
  private long lastReplyNanos;
  private boolean bridged;
  /** The operator's leg ended before the Dial was held: the hold returns at once. */
  private boolean operatorLeft;
  private boolean ended;
  private volatile long dialAtNanos = -1;
  private volatile Throwable failure;

  FastAgiLoopCall(FastAgiCalls loop, InetSocketAddress server, AgiChannelReplies replies,
      ToLongFunction<String> playNanos, Consumer<Command> onCommand) {
    super(loop, server);
    this.replies = replies;
    this.playNanos = playNanos;
    this.onCommand = onCommand;
  }

  @Override
  public Map<String, String> environment() {
    return replies.environment();
  }

  @Override
  public List<Command> commands() {
    synchronized (commands) {
      return List.copyOf(commands);
    }
  }

  @Override
  public CompletableFuture<Void> connected() {
    return connected;
  }

  @Override
  public CompletableFuture<Void> closed() {
    return closed;
  }

  @Override
  public Throwable failure() {
    return failure;
  }

  @Override
  public long dialAtNanos() {
    return dialAtNanos;
  }

  @Override
  public void hangUp() {
    loop.submit(() -> {
      if (ended) {
        return;
      }
      replies.hangUp();
      if (bridged) {
        bridged = false;
        write(AgiChannelReplies.hungUpWhileBridged());
      } else {
        write(List.of("HANGUP"));
      }
    });
  }

  @Override
  public void operatorLeaves() {
    loop.submit(() -> {
      if (bridged) {
        bridged = false;
        write(AgiChannelReplies.operatorLeft());
      } else {
        operatorLeft = true;
      }
    });
  }

  @Override
  public void close() {
    loop.submit(() -> end(null));
  }

  @Override
  FastAgiLoopCall call() {
    return this;
  }

  @Override
  void failed(Throwable e) {
    end(e);
  }

  @Override
  void writable() {
    flush();
  }

  /** Ends the call once: closes the socket; {@code why} null for a clean close by either side. */
  void end(Throwable why) {
    if (ended) {
      return;
    }
    ended = true;
    failure = why;
    out.clear();
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    }
    connected.completeExceptionally(why != null ? why : new IOException("the FastAGI call ended before it connected"));
    closed.complete(null);
  }

  @Override
  void connectedNow() {
    send(AgiChannelReplies.block(environment()));
    connected.complete(null);
  }

  @Override
  void readable() throws IOException {
    int n = readOrEnd(in);
    long now = System.nanoTime();
    if (n < 0) {
      end(null);
      return;
    }
    eachLine(in, line -> command(line, now));
  }

  /**
   * Each whole line {@code buffer} holds (unquoted; a read just filled it), the rest kept for the
   * next read; a line longer than the buffer is a broken peer. Stops once the call ended.
   */
  private void eachLine(ByteBuffer buffer, LineHandler each) throws IOException {
    buffer.flip();
    int start = buffer.position();
    for (int i = start; i < buffer.limit() && !ended; i++) {
      if (buffer.get(i) == '\n') {
        String line = new String(buffer.array(), start, i - start, StandardCharsets.UTF_8);
        start = i + 1;
        each.accept(AgiChannelReplies.unquote(line));
      }
    }
    buffer.position(start);
    buffer.compact();
    if (!buffer.hasRemaining()) {
      throw new IOException("a FastAGI line longer than " + LINE_BYTES + " bytes");
    }
  }

  private void command(String text, long now) {
    Command command = new Command(text, now, now - lastReplyNanos);
    synchronized (commands) {
      commands.add(command);
    }
    if (dialAtNanos < 0 && text.startsWith("EXEC Dial")) {
      dialAtNanos = now;
    }
    onCommand.accept(command);
    carryOut(replies.reply(text), text);
  }

  /** Writes, holds or runs the operator's leg for a reply ({@link AgiChannelReplies.Reply}). */
  private void carryOut(Reply reply, String command) {
    switch (reply) {
      case Reply.Lines lines -> {
        long play = command == null ? 0 : playNanos.applyAsLong(command);
        if (play > 0) {
          loop.after(play, () -> write(lines.lines()));
        } else {
          write(lines.lines());
        }
      }
      case Reply.Bridged bridge -> {
        if (replies.dead()) {
          write(AgiChannelReplies.hungUpWhileBridged());
        } else if (operatorLeft) {
          operatorLeft = false;
          write(AgiChannelReplies.operatorLeft());
        } else {
          bridged = true;
        }
      }
      case Reply.AnsweredLeg leg -> new Leg(leg.environment()).open();
    }
  }

  private void write(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    send(text.toString());
  }

  private void send(String text) {
    if (ended) {
      return;
    }
    out.add(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    flush();
  }

  /** Writes what the socket takes; the rest waits for OP_WRITE. The reply time is taken once all is out. */
  private void flush() {
    if (ended) {
      return;
    }
    SelectionKey key = socket.keyFor(loop.selector());
    try {
      while (!out.isEmpty()) {
        ByteBuffer next = out.peek();
        socket.write(next);
        if (next.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        out.poll();
      }
    } catch (IOException gone) {
      end(null); // the server closed the call meanwhile
      return;
    }
    lastReplyNanos = System.nanoTime();
    key.interestOps(SelectionKey.OP_READ);
  }

  /**
   * The operator's leg of an answered {@code Dial}, as Asterisk runs Dial's {@code U()}: a second
   * FastAGI connection with the leg's environment; every command answered like the captured {@code
   * SET VARIABLE}; when the server closes it, the Dial ends bridged or, if the script set {@code
   * GOSUB_RESULT=BUSY}, busy. A leg that cannot connect ends the call (as {@link FastAgiCaller}'s).
   */
  final class Leg extends FastAgiLoopSocket {
    private final Map<String, String> environment;
    private final ByteBuffer legIn = ByteBuffer.allocate(LINE_BYTES);
    private boolean busy;

    private Leg(Map<String, String> environment) {
      super(FastAgiLoopCall.this.loop, FastAgiLoopCall.this.server);
      this.environment = environment;
    }

    @Override
    FastAgiLoopCall call() {
      return FastAgiLoopCall.this;
    }

    @Override
    void connectedNow() throws IOException {
      writeFully(AgiChannelReplies.block(environment));
    }

    @Override
    void readable() throws IOException {
      if (readOrEnd(legIn) < 0) {
        socket.close();
        carryOut(replies.afterLeg(busy), null);
        return;
      }
      eachLine(legIn, command -> {
        busy |= AgiChannelReplies.legSaysBusy(command);
        writeFully(AgiChannelReplies.legReply() + "\n");
      });
    }

    @Override
    void failed(Throwable e) {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException ignored) {
        // closing anyway
      }
      end(e);
    }

    /** A leg's few short lines always fit the socket's buffer; a short write would be a broken peer. */
    private void writeFully(String text) throws IOException {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      socket.write(bytes);
      if (bytes.hasRemaining()) {
        throw new IOException("the FastAGI server did not take " + bytes.remaining() + " bytes of a leg's line");
      }
    }
  }
}
