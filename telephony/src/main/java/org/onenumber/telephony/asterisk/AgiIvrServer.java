package org.onenumber.telephony.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server Asterisk connects to for every call ({@code AGI(agi://127.0.0.1:4573/ivr)}):
 * Asterisk-Java's {@link DefaultAgiServer} bound to {@link IvrSettings#bind()} (loopback by default),
 * accepting on the thread {@code onenumber-agi-accept} and serving each call on its own thread from
 * a bounded pool named {@code onenumber-agi-N} of up to {@link IvrSettings#sessionThreads()} threads:
 * {@link IvrSettings#maxSessions()} callers (a caller beyond that is ended at once, {@link
 * IvrScripts}) and a reserve for operators' answered legs and the other short scripts (a
 * connection beyond the whole pool is refused and Asterisk's dialplan goes on). Platform threads by default;
 * {@value #THREADS_PROPERTY}{@code =virtual} serves calls on virtual threads on Java 24 and later
 * (JEP 491: a virtual thread blocked inside Asterisk-Java's {@code synchronized} reads no longer
 * pins its carrier; on Java 21–23 it would, so the property is ignored there). Measured with
 * {@code FastAgiBench} (500 calls, same load, 2 cores shared with the replaying client's 500 reader
 * threads): virtual threads gave a command round-trip p99 of 135–300 ms against 12.5–23 ms for
 * platform threads — two carrier threads lose the run queue to the client's threads; with 32
 * carriers ({@code -Djdk.virtualThreadScheduler.parallelism=32}) 11.3 ms against 10.5 ms — so no
 * gain, and they stay opt-in. Measured again with the client in a JVM of its own (session 8, load
 * 12–14): client-side p99 131 and 422 ms against 10.4 and 23.1 ms for platform threads.
 * Idle threads end after {@link IvrSettings#idleThreadKeepAlive()},
 * except {@code warmSessions} threads started with the server and kept: Asterisk-Java's acceptor
 * hands each connection to the pool on its own thread, so a call that finds no idle thread waits
 * for a thread to be created and started first, and in a burst every later call waits behind those
 * creations (measured with {@code FastAgiBench}: the first command of a call was the tail of the
 * command round trips). Each call's connection is our {@link AgiConnection} (small line buffers)
 * rather than Asterisk-Java's, which allocates about 40 KB per call.
 */
public final class AgiIvrServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AgiIvrServer.class);
  /** System property: {@code virtual} serves calls on virtual threads (Java 24 and later only). */
  public static final String THREADS_PROPERTY = "onenumber.agi.threads";

  private final Server server;
  private final Thread acceptor;
  private final CountDownLatch bound = new CountDownLatch(1);
  private volatile IOException failure;
  private volatile AgiConnection.Turnarounds turnarounds;

  /** A server whose session threads are all created on demand. */
  public AgiIvrServer(Ivr ivr) {
    this(ivr, 0);
  }

  /** A server with {@code warmSessions} session threads started at once and kept while idle. */
  public AgiIvrServer(Ivr ivr, int warmSessions) {
    this(ivr, warmSessions, CheckIns.NONE);
  }

  /** As above, also serving the welfare check-in script with {@code checkIns}. */
  public AgiIvrServer(Ivr ivr, int warmSessions, CheckIns checkIns) {
    if (warmSessions < 0 || warmSessions > ivr.settings().maxSessions()) {
      throw new IllegalArgumentException("warmSessions must be 0.." + ivr.settings().maxSessions());
    }
    this.server = new Server(ivr.settings(), warmSessions);
    server.setAddress(ivr.settings().bind());
    server.setPort(ivr.settings().port());
    server.setMappingStrategy(new IvrScripts(ivr, checkIns));
    this.acceptor = new Thread(this::accept, "onenumber-agi-accept");
    acceptor.setDaemon(true);
  }

  /** Binds and starts accepting; returns once the port is open, or throws why it could not. */
  public AgiIvrServer start() {
    acceptor.start();
    try {
      if (!bound.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("FastAGI server did not bind within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the FastAGI server", e);
    }
    if (failure != null) {
      throw new UncheckedIOException("FastAGI server cannot listen on " + server.getAddress() + ":"
          + server.getPort(), failure);
    }
    LOG.info("FastAGI IVR listening on {}:{}", server.getAddress().getHostAddress(), server.getPort());
    return this;
  }

  /** Tells {@code sink} each command's server turnaround (see {@link AgiConnection}); for the bench, before {@link #start}. */
  AgiIvrServer measuring(AgiConnection.Turnarounds sink) {
    this.turnarounds = sink;
    return this;
  }

  /** True when calls are served on virtual threads: asked for with {@value #THREADS_PROPERTY}, on Java 24 or later. */
  public static boolean virtualSessions() {
    return Runtime.version().feature() >= 24 && "virtual".equals(System.getProperty(THREADS_PROPERTY));
  }

  /** Calls being served now. */
  public int activeSessions() {
    return Math.max(0, server.getPoolActiveTaskCount());
  }

  /** Threads in the session pool now (busy or idle). */
  public int sessionThreads() {
    return Math.max(0, server.getPoolActiveThreadCount());
  }

  @Override
  public void close() {
    server.shutdown();
  }

  private void accept() {
    try {
      server.startup();
    } catch (IOException e) {
      failure = e;
      bound.countDown();
    } catch (RuntimeException e) {
      LOG.error("FastAGI server stopped", e);
      bound.countDown();
    }
  }

  /** DefaultAgiServer with a named, bounded pool and a signal once its socket is bound. */
  private final class Server extends DefaultAgiServer {
    private final IvrSettings settings;
    private final int warm;

    Server(IvrSettings settings, int warm) {
      this.settings = settings;
      this.warm = warm;
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
      ServerSocketFacade socket = new AgiServerSocket(getPort(), getAddress(), turnarounds);
      execute(() -> { }); // creates the pool (and its warm threads) now, not when the first call arrives
      bound.countDown();
      return socket;
    }

    @Override
    protected ThreadPoolExecutor createPool() {
      ThreadPoolExecutor pool = new ThreadPoolExecutor(warm, settings.sessionThreads(),
          settings.idleThreadKeepAlive().toMillis(), TimeUnit.MILLISECONDS, new SynchronousQueue<>(), named());
      pool.allowCoreThreadTimeOut(warm == 0);
      pool.prestartAllCoreThreads();
      return pool;
    }

    private static ThreadFactory named() {
      if (virtualSessions()) {
        return Thread.ofVirtual().name("onenumber-agi-", 1).factory();
      }
      AtomicInteger number = new AtomicInteger();
      return task -> {
        Thread thread = new Thread(task, "onenumber-agi-" + number.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }
  }
}
