package org.onenumber.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.onenumber.testkit.FastAgiCaller.Command;

/**
 * Many FastAGI calls played as Asterisk 22 on ONE thread: every call's socket is non-blocking and
 * served by a {@link Selector}, as Asterisk (C) serves them with poll(), instead of {@link
 * FastAgiCaller}'s reader thread per call. The replies are {@link AgiChannelReplies}, the same as
 * {@link FastAgiCaller}'s (the captures of {@code shared/data/asterisk}); an answered {@code Dial}'s
 * {@code U()} leg is a second non-blocking connection ({@link FastAgiLoopCall}); a bridged call holds
 * its {@code Dial} until {@link Call#hangUp} or {@link Call#operatorLeaves}. Used by the FastAGI
 * bench (a burst of calls) and the city-day simulator's callers (thousands on hold at once).
 *
 * <p>Threading: one loop thread ({@code name}); the per-call listener ({@code onCommand}, told
 * each command before its reply is written) and the {@link AgiChannelReplies} plans (keys, rings,
 * dial outcomes) run on it and must not block; {@link Call}'s methods may be called from any
 * thread (they hand work to the loop). Failure modes: a connect that fails or takes longer than
 * Asterisk's {@code MAX_AGI_CONNECT} (2 s) fails {@link Call#connected()}; a reset, a broken line
 * or a listener's exception ends that call only ({@link Call#failure()}); every end completes
 * {@link Call#closed()}.
 */
public final class FastAgiCalls implements AutoCloseable {

  /** One call as its owner sees it; the loop's side is {@link FastAgiLoopCall}. */
  public interface Call {
    Map<String, String> environment();

    /** Commands received so far, with their arrival and round-trip times. */
    List<Command> commands();

    default List<String> texts() {
      return commands().stream().map(Command::text).toList();
    }

    /** Completes once connected and the environment is on its way; fails when the connect does. */
    java.util.concurrent.CompletableFuture<Void> connected();

    /** Completes when the connection ended: closed by the server, by {@link #close}, or failed. */
    java.util.concurrent.CompletableFuture<Void> closed();

    /** Why the call ended, when not by a clean close of either side (null otherwise). */
    Throwable failure();

    /**
     * The caller hangs up (as {@link FastAgiCaller#hangUp}): a held {@code Dial}/{@code Bridge}
     * returns {@code 200 result=-1} and {@code HANGUP}, otherwise the unsolicited {@code HANGUP}
     * line goes out; later media commands answer 511. Nothing once the call has ended.
     */
    void hangUp();

    /** The operator's leg ends: the held {@code Dial}/{@code Bridge} returns 0 (now, or once it is held). */
    void operatorLeaves();

    /** Closes the socket (the caller's line drops). */
    void close();

    /** When the first {@code EXEC Dial} arrived ({@link System#nanoTime()}), or -1. */
    long dialAtNanos();
  }

  /** Asterisk's {@code MAX_AGI_CONNECT} (res_agi.c), as {@link FastAgiCaller}'s. */
  static final long CONNECT_TIMEOUT_NANOS = FastAgiCaller.CONNECT_TIMEOUT_MS * 1_000_000L;

  /** Work due at a wall instant on the loop (a reply whose prompt plays, a connect's deadline). */
  private record Timed(long atNanos, long order, Runnable work) {}

  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final PriorityQueue<Timed> timers = new PriorityQueue<>(
      Comparator.comparingLong(Timed::atNanos).thenComparingLong(Timed::order));
  private final AtomicLong order = new AtomicLong();
  private final Thread loop;
  private volatile boolean running = true;

  /** The loop, on a daemon thread named {@code name}, started now. */
  public FastAgiCalls(String name) throws IOException {
    this.selector = Selector.open();
    this.loop = new Thread(this::run, name);
    this.loop.setDaemon(true);
    this.loop.start();
  }

  /**
   * A new call to {@code server}: on the loop it connects, sends {@code replies}' environment and
   * answers every command with {@code replies}; {@code playNanos} is how long Asterisk takes before
   * it answers a command (a prompt playing, a key pressed; 0 = at once; not in the round trip,
   * which ends when the reply is written); {@code onCommand} hears each command on arrival.
   */
  public Call call(InetSocketAddress server, AgiChannelReplies replies, ToLongFunction<String> playNanos,
      Consumer<Command> onCommand) {
    FastAgiLoopCall call = new FastAgiLoopCall(this, server, replies, playNanos, onCommand);
    submit(call::open);
    return call;
  }

  /** CPU time the loop thread has used so far (ns), or -1 where the JVM does not measure it. */
  public long loopCpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(loop.threadId());
  }

  /** Ends every call still open (their {@link Call#closed()} complete) and stops the loop. */
  @Override
  public void close() throws IOException {
    submit(() -> {
      for (SelectionKey key : List.copyOf(selector.keys())) {
        if (key.attachment() instanceof FastAgiLoopSocket socket) {
          socket.call().end(null);
        }
      }
      running = false;
    });
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

  /**
   * Runs {@code task} on the loop thread after what it is doing now, also when called from the loop
   * (a listener that hangs up while a Dial's reply is being carried out: the reply goes out first,
   * as Asterisk's would).
   */
  void submit(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Runs {@code work} on the loop after {@code nanos} (called on the loop). */
  void after(long nanos, Runnable work) {
    timers.add(new Timed(System.nanoTime() + nanos, order.incrementAndGet(), work));
  }

  Selector selector() {
    return selector;
  }

  /** Registers a new socket (called on the loop). */
  SelectionKey register(SocketChannel socket, int ops, Object attachment) throws IOException {
    return socket.register(selector, ops, attachment);
  }

  /**
   * Opens a non-blocking connection to {@code server} for {@code attachment} (called on the loop):
   * connected at once (then registered for reads; the caller goes on) or pending (then {@code
   * OP_CONNECT}); {@code failed} hears it if still pending after {@link #CONNECT_TIMEOUT_NANOS}.
   */
  SocketChannel connect(InetSocketAddress server, Object attachment, Consumer<IOException> failed) throws IOException {
    SocketChannel socket = SocketChannel.open();
    try {
      socket.configureBlocking(false);
      if (socket.connect(server)) {
        register(socket, SelectionKey.OP_READ, attachment);
        return socket;
      }
      register(socket, SelectionKey.OP_CONNECT, attachment);
    } catch (IOException | RuntimeException e) { // refused at once, or an unresolved host
      socket.close();
      throw e instanceof IOException io ? io : new IOException(e);
    }
    after(CONNECT_TIMEOUT_NANOS, () -> {
      if (socket.isOpen() && socket.isConnectionPending()) {
        failed.accept(new SocketTimeoutException("no FastAGI connection within " + FastAgiCaller.CONNECT_TIMEOUT_MS
            + " ms (Asterisk's MAX_AGI_CONNECT)"));
      }
    });
    return socket;
  }

  private void run() {
    try {
      while (running) {
        Timed next = timers.peek();
        if (!tasks.isEmpty()) {
          selector.selectNow();
        } else if (next == null) {
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
        runDue();
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
          selector.selectNow(); // serve calls already open between the tasks (a burst of connects)
          serveReady();
        }
      }
    } catch (IOException | RuntimeException e) {
      for (SelectionKey key : selector.keys()) {
        if (key.attachment() instanceof FastAgiLoopSocket socket) {
          socket.call().end(e);
        }
      }
    }
  }

  private void serveReady() {
    for (SelectionKey key : selector.selectedKeys()) {
      if (!key.isValid()) {
        continue;
      }
      if (key.attachment() instanceof FastAgiLoopSocket socket) {
        socket.ready(key);
      }
    }
    selector.selectedKeys().clear();
  }

  private void runDue() {
    long now = System.nanoTime();
    while (!timers.isEmpty() && timers.peek().atNanos() <= now) {
      timers.poll().work().run();
    }
  }
}
