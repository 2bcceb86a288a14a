package org.onenumber.telephony.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.onenumber.testkit.AgiChannelReplies;
import org.onenumber.testkit.AgiChannelReplies.Reply;
import org.onenumber.testkit.FastAgiCaller;
import org.onenumber.testkit.FastAgiCaller.Command;

/**
 * Many FastAGI calls played as Asterisk on ONE thread ({@code fastagi-event-loop}): every call's
 * socket is non-blocking and served by a {@link Selector}, as a C process serves them with poll(),
 * instead of {@link FastAgiCaller}'s reader thread per call (500 Java threads competing with the
 * server's 500 session threads for 2 cores). The replies are {@link AgiChannelReplies}, the same as
 * {@link FastAgiCaller}'s; an answered {@code Dial}'s {@code U()} leg is a second non-blocking
 * connection; a bridged call holds its {@code Dial} until {@link #hangUpAll}.
 *
 * <p>Timestamps as {@link FastAgiCaller}'s, on this side of the socket: a command's round trip runs
 * from the moment this call's previous reply was written ({@link System#nanoTime()} after the
 * write) to the moment its bytes were read (after the read that brought them).
 */
final class FastAgiEventLoopCalls implements AutoCloseable {

  /** One call: its socket, replies, commands received and what it is waiting for. */
  static final class Call {
    private final AgiChannelReplies replies;
    private final ToLongFunction<String> playNanos;
    private final List<Command> commands = new ArrayList<>();
    private final ByteBuffer in = ByteBuffer.allocate(8192);
    private final Queue<ByteBuffer> out = new ArrayDeque<>();
    private SocketChannel socket;
    private long lastReplyNanos;
    private boolean bridged;
    private boolean closed;
    private long dialAtNanos = -1;

    private Call(AgiChannelReplies replies, ToLongFunction<String> playNanos) {
      this.replies = replies;
      this.playNanos = playNanos;
    }

    Map<String, String> environment() {
      return replies.environment();
    }

    /** Commands received so far; read them after {@link #awaitClosed} (the loop thread writes them). */
    List<Command> commands() {
      synchronized (commands) {
        return List.copyOf(commands);
      }
    }

    /** When {@code EXEC Dial} arrived ({@link System#nanoTime()}), or -1. */
    long dialAtNanos() {
      return dialAtNanos;
    }
  }

  /** A reply held back while its prompt plays (or the caller presses a key). */
  private record Due(long atNanos, Call call, List<String> lines) {}

  /** The operator's leg of an answered {@code Dial}: runs the {@code answered} script, then ends the Dial. */
  private static final class Leg {
    private final Call call;
    private final Map<String, String> environment;
    private final ByteBuffer in = ByteBuffer.allocate(4096);
    private boolean busy;

    private Leg(Call call, Map<String, String> environment) {
      this.call = call;
      this.environment = environment;
    }
  }

  private final InetSocketAddress server;
  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final List<Call> calls = new ArrayList<>();
  private final PriorityQueue<Due> playing = new PriorityQueue<>(Comparator.comparingLong(Due::atNanos));
  private final CountDownLatch dials;
  private final CountDownLatch closed;
  private final Thread loop;
  private volatile boolean running = true;
  private volatile Throwable failure;

  /** Ready for {@code expected} calls to {@code server}; its one thread starts now. */
  FastAgiEventLoopCalls(InetSocketAddress server, int expected) throws IOException {
    this.server = server;
    this.selector = Selector.open();
    this.dials = new CountDownLatch(expected);
    this.closed = new CountDownLatch(expected);
    this.loop = new Thread(this::run, "fastagi-event-loop");
    this.loop.setDaemon(true);
    this.loop.start();
  }

  /**
   * A new call with {@code environment}: on the loop thread it connects, sends the environment block
   * and answers every command; {@code keys} for its {@code GET DATA}s, {@code plan} for its Dials,
   * {@code playNanos} how long Asterisk takes before it answers a command (a prompt playing, a key
   * pressed; 0 = at once). That time is not in the round trip: it ends when the reply is written.
   */
  Call call(Map<String, String> environment, Function<String, FastAgiCaller.DialOutcome> plan,
      ToLongFunction<String> playNanos, String... keys) {
    AgiChannelReplies replies = new AgiChannelReplies(environment);
    replies.press(keys);
    replies.onDial(plan);
    Call call = new Call(replies, playNanos);
    synchronized (calls) {
      calls.add(call);
    }
    submit(() -> open(call));
    return call;
  }

  /** Every call hangs up (as {@link FastAgiCaller#hangUp}: a held Dial returns -1 and HANGUP). */
  void hangUpAll() {
    List<Call> all;
    synchronized (calls) {
      all = List.copyOf(calls);
    }
    for (Call call : all) {
      submit(() -> hangUp(call));
    }
  }

  void awaitDials(Duration within) throws InterruptedException {
    await(dials, within, "EXEC Dial");
  }

  void awaitClosed(Duration within) throws InterruptedException {
    await(closed, within, "the server's close");
  }

  /** CPU time the event-loop thread has used so far (ns), or -1 where the JVM does not measure it. */
  long loopCpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(loop.threadId());
  }

  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }

  private void await(CountDownLatch latch, Duration within, String what) throws InterruptedException {
    if (!latch.await(within.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(latch.getCount() + " calls still without " + what + " after " + within, failure);
    }
    if (failure != null) {
      throw new AssertionError("the event loop failed", failure);
    }
  }

  private void submit(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  private void run() {
    try {
      while (running) {
        Due next = playing.peek();
        if (next == null) {
          selector.select();
        } else {
          long waitMillis = (next.atNanos() - System.nanoTime() + 999_999) / 1_000_000;
          if (waitMillis > 0) {
            selector.select(waitMillis);
          } else {
            selector.selectNow();
          }
        }
        serveReady();
        playDue();
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
          selector.selectNow(); // serve calls already open between the tasks (a burst of 500 connects)
          serveReady();
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
      while (dials.getCount() > 0) {
        dials.countDown();
      }
      while (closed.getCount() > 0) {
        closed.countDown();
      }
    }
  }

  private void serveReady() throws IOException {
    for (SelectionKey key : selector.selectedKeys()) {
      if (!key.isValid()) {
        continue;
      }
      if (key.attachment() instanceof Call call) {
        if (key.isConnectable()) {
          connected(key, call);
          continue;
        }
        if (key.isWritable()) {
          flush(call);
        }
        if (key.isValid() && key.isReadable()) {
          read(call);
        }
      } else if (key.attachment() instanceof Leg leg) {
        if (key.isConnectable()) {
          legConnected(key, leg);
        } else if (key.isReadable()) {
          legRead(key, leg);
        }
      }
    }
    selector.selectedKeys().clear();
  }

  /** Writes the replies whose prompt has played. */
  private void playDue() throws IOException {
    long now = System.nanoTime();
    while (!playing.isEmpty() && playing.peek().atNanos() <= now) {
      Due due = playing.poll();
      write(due.call(), due.lines());
    }
  }

  /**
   * Connects without blocking the loop (a blocking connect stalled every other call for its
   * handshake, and for longer whenever the server's accept backlog was full during the burst of 500
   * arrivals); the environment goes out once connected.
   */
  private void open(Call call) {
    try {
      SocketChannel socket = SocketChannel.open();
      socket.configureBlocking(false);
      call.socket = socket;
      if (socket.connect(server)) {
        socket.register(selector, SelectionKey.OP_READ, call);
        send(call, AgiChannelReplies.block(call.environment()));
      } else {
        socket.register(selector, SelectionKey.OP_CONNECT, call);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void connected(SelectionKey key, Call call) throws IOException {
    call.socket.finishConnect();
    key.interestOps(SelectionKey.OP_READ);
    send(call, AgiChannelReplies.block(call.environment()));
  }

  private void read(Call call) throws IOException {
    int n;
    try {
      n = call.socket.read(call.in);
    } catch (IOException reset) {
      n = -1;
    }
    long now = System.nanoTime();
    if (n < 0) {
      end(call);
      return;
    }
    call.in.flip();
    int start = call.in.position();
    for (int i = start; i < call.in.limit(); i++) {
      if (call.in.get(i) == '\n') {
        String line = new String(call.in.array(), start, i - start, StandardCharsets.UTF_8);
        start = i + 1;
        command(call, AgiChannelReplies.unquote(line), now);
      }
    }
    call.in.position(start);
    call.in.compact();
  }

  private void command(Call call, String command, long now) throws IOException {
    synchronized (call.commands) {
      call.commands.add(new Command(command, now, now - call.lastReplyNanos));
    }
    if (call.dialAtNanos < 0 && command.startsWith("EXEC Dial")) {
      call.dialAtNanos = now;
      dials.countDown();
    }
    carryOut(call, call.replies.reply(command));
  }

  private void carryOut(Call call, Reply reply) throws IOException {
    switch (reply) {
      case Reply.Lines lines -> {
        long play = call.commands.isEmpty() ? 0 : call.playNanos.applyAsLong(lastCommand(call));
        if (play > 0) {
          playing.add(new Due(System.nanoTime() + play, call, lines.lines()));
        } else {
          write(call, lines.lines());
        }
      }
      case Reply.Bridged bridge -> {
        if (call.replies.dead()) {
          write(call, AgiChannelReplies.hungUpWhileBridged());
        } else {
          call.bridged = true;
        }
      }
      case Reply.AnsweredLeg leg -> openLeg(call, leg.environment());
    }
  }

  private static String lastCommand(Call call) {
    synchronized (call.commands) {
      return call.commands.get(call.commands.size() - 1).text();
    }
  }

  private void hangUp(Call call) {
    try {
      call.replies.hangUp();
      if (call.closed) {
        return;
      }
      if (call.bridged) {
        call.bridged = false;
        write(call, AgiChannelReplies.hungUpWhileBridged());
      } else {
        write(call, List.of("HANGUP"));
      }
    } catch (IOException e) {
      end(call);
    }
  }

  private void write(Call call, List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    send(call, text.toString());
  }

  private void send(Call call, String text) throws IOException {
    call.out.add(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    flush(call);
  }

  /** Writes what the socket takes; the rest waits for OP_WRITE. The reply time is taken once all is out. */
  private void flush(Call call) throws IOException {
    if (call.closed) {
      call.out.clear();
      return;
    }
    try {
      while (!call.out.isEmpty()) {
        ByteBuffer next = call.out.peek();
        call.socket.write(next);
        if (next.hasRemaining()) {
          call.socket.keyFor(selector).interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        call.out.poll();
      }
    } catch (IOException gone) {
      end(call);
      return;
    }
    call.lastReplyNanos = System.nanoTime();
    call.socket.keyFor(selector).interestOps(SelectionKey.OP_READ);
  }

  private void end(Call call) {
    if (call.closed) {
      return;
    }
    call.closed = true;
    try {
      call.socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    closed.countDown();
  }

  private void openLeg(Call call, Map<String, String> environment) throws IOException {
    SocketChannel socket = SocketChannel.open();
    socket.configureBlocking(false);
    socket.connect(server);
    socket.register(selector, SelectionKey.OP_CONNECT, new Leg(call, environment));
  }

  private void legConnected(SelectionKey key, Leg leg) throws IOException {
    SocketChannel socket = (SocketChannel) key.channel();
    socket.finishConnect();
    key.interestOps(SelectionKey.OP_READ);
    writeFully(socket, AgiChannelReplies.block(leg.environment));
  }

  private void legRead(SelectionKey key, Leg leg) throws IOException {
    SocketChannel socket = (SocketChannel) key.channel();
    int n;
    try {
      n = socket.read(leg.in);
    } catch (IOException reset) {
      n = -1;
    }
    if (n < 0) {
      socket.close();
      carryOut(leg.call, leg.call.replies.afterLeg(leg.busy));
      return;
    }
    leg.in.flip();
    int start = leg.in.position();
    for (int i = start; i < leg.in.limit(); i++) {
      if (leg.in.get(i) == '\n') {
        String command = AgiChannelReplies.unquote(new String(leg.in.array(), start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
        leg.busy |= AgiChannelReplies.legSaysBusy(command);
        writeFully(socket, AgiChannelReplies.legReply() + "\n");
      }
    }
    leg.in.position(start);
    leg.in.compact();
  }

  /** A leg's few short lines always fit the socket's buffer; a short write would be a broken peer. */
  private static void writeFully(SocketChannel socket, String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    socket.write(bytes);
    if (bytes.hasRemaining()) {
      throw new IOException("the FastAGI server did not take " + bytes.remaining() + " bytes of a leg's line");
    }
  }
}
