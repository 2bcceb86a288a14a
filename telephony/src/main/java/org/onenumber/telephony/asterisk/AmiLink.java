package org.onenumber.telephony.asterisk;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI connection: logs in, hands every event to the listeners, reconnects with backoff, runs
 * the on-connect hooks (the reconcile) after every login, and sends actions without blocking the
 * sender.
 *
 * <p>Each attempt uses a fresh Asterisk-Java {@link ManagerConnection}. When one is lost, its own
 * reconnect loop is stopped (logoff) and this link reconnects with its backoff ({@code minBackoff},
 * doubled per failure up to {@code maxBackoff}); events of a stale connection are dropped.
 *
 * <p>Threads: connecting, backoff and the on-connect hooks run on one thread {@code ami-link};
 * actions are written by one thread {@code ami-actions} (a bounded queue: when it is full the action
 * fails at once and is logged); listeners are called on Asterisk-Java's event thread and must only
 * hand work over. Failure modes: Asterisk down at start or lost later, a wrong secret — all end in
 * {@link AmiStatus.State#DOWN} and a retry; nothing here throws to the caller.
 */
public final class AmiLink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AmiLink.class);

  private final AmiSettings settings;
  private final Supplier<ManagerConnection> factory;
  private final InstantSource clock;
  private final List<ManagerEventListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<AmiLink>> onConnect = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService link = Executors.newSingleThreadScheduledExecutor(new NamedThreads("ami-link"));
  private final ThreadPoolExecutor actions = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(10_000), new NamedThreads("ami-actions"));
  private volatile ManagerConnection current;
  private volatile AmiStatus status;
  private volatile boolean closed;
  private long generation;
  private Duration backoff;
  private int connects;

  public AmiLink(AmiSettings settings, InstantSource clock) {
    this(settings, clock, () -> new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
        settings.secret()).createManagerConnection());
  }

  AmiLink(AmiSettings settings, InstantSource clock, Supplier<ManagerConnection> factory) {
    this.settings = settings;
    this.clock = clock;
    this.factory = factory;
    this.backoff = settings.minBackoff();
    this.status = new AmiStatus(settings.enabled() ? AmiStatus.State.CONNECTING : AmiStatus.State.DISABLED,
        settings.enabled() ? "not connected yet" : "not configured", clock.instant(), 0);
  }

  public void addListener(ManagerEventListener listener) {
    listeners.add(listener);
  }

  /** Runs {@code hook} on the link thread after every login (first connect and every reconnect). */
  public void onConnect(Consumer<AmiLink> hook) {
    onConnect.add(hook);
  }

  /** Starts connecting in the background; returns at once. */
  public void start() {
    if (settings.enabled()) {
      link.execute(this::connect);
    }
  }

  public AmiStatus status() {
    return status;
  }

  public AmiSettings settings() {
    return settings;
  }

  /**
   * Sends {@code action}; {@code onResponse} gets Asterisk's response (on Asterisk-Java's event thread),
   * or a {@link ManagerError} when AMI is down or the send failed. Returns at once.
   */
  public void send(ManagerAction action, Consumer<ManagerResponse> onResponse) {
    try {
      actions.execute(() -> write(action, onResponse));
    } catch (RejectedExecutionException e) {
      onResponse.accept(error(action, "AMI action queue full"));
    }
  }

  /** Sends a list action and waits for its events; only for the link thread's hooks (it blocks). */
  public ResponseEvents sendAndCollect(EventGeneratingAction action) throws Exception {
    ManagerConnection c = current;
    if (c == null) {
      throw new IllegalStateException("AMI is not connected");
    }
    return c.sendEventGeneratingAction(action, settings.responseTimeout().toMillis());
  }

  @Override
  public void close() {
    closed = true;
    link.execute(() -> drop(current));
    link.shutdown();
    actions.shutdown();
    try {
      link.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- on the link thread ------------------------------------------------------------------------

  private void connect() {
    if (closed) {
      return;
    }
    long gen = ++generation;
    ManagerConnection c = factory.get();
    c.addEventListener(event -> dispatch(gen, c, event));
    try {
      c.login();
      current = c;
      backoff = settings.minBackoff();
      connects++;
      status = new AmiStatus(AmiStatus.State.UP, "logged in", clock.instant(), connects);
      LOG.info("AMI up at {}:{} (connection {})", settings.host(), settings.port(), connects);
      onConnect.forEach(this::runHook);
    } catch (Exception e) {
      drop(c);
      down("login failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
      retry();
    }
  }

  private void runHook(Consumer<AmiLink> hook) {
    try {
      hook.accept(this);
    } catch (RuntimeException e) {
      LOG.warn("AMI on-connect hook failed", e);
    }
  }

  private void lost(long gen) {
    if (gen != generation || closed) {
      return;
    }
    ManagerConnection c = current;
    current = null;
    drop(c);
    retry();
  }

  private void retry() {
    if (closed) {
      return;
    }
    Duration wait = backoff;
    backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
    LOG.info("AMI reconnect in {} ms", wait.toMillis());
    link.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void drop(ManagerConnection c) {
    if (c == null) {
      return;
    }
    try {
      ManagerConnectionState state = c.getState();
      if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
        c.logoff();
      }
    } catch (RuntimeException e) {
      LOG.debug("AMI logoff of a lost connection failed", e);
    }
  }

  private void down(String why) {
    status = new AmiStatus(AmiStatus.State.DOWN, why, clock.instant(), connects);
    LOG.warn("AMI down at {}:{}: {}", settings.host(), settings.port(), why);
  }

  // ---- on Asterisk-Java's threads: hand over only ------------------------------------------------

  private void dispatch(long gen, ManagerConnection c, ManagerEvent event) {
    if (event instanceof ConnectEvent) {
      if (c != current && current != null) {
        link.execute(() -> drop(c));
      }
      return;
    }
    if (event instanceof DisconnectEvent || event instanceof ShutdownEvent) {
      if (c == current) {
        down(event instanceof ShutdownEvent ? "Asterisk shut down" : "connection lost");
      }
      if (event instanceof DisconnectEvent) {
        link.execute(() -> lost(gen));
      }
      return;
    }
    if (c != current && current != null) {
      return;
    }
    for (ManagerEventListener l : listeners) {
      try {
        l.onManagerEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("AMI listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }

  private void write(ManagerAction action, Consumer<ManagerResponse> onResponse) {
    ManagerConnection c = current;
    if (c == null) {
      onResponse.accept(error(action, "AMI is not connected"));
      return;
    }
    try {
      c.sendAction(action, onResponse::accept);
    } catch (Exception e) {
      onResponse.accept(error(action, "send failed: " + e.getMessage()));
    }
  }

  private static ManagerError error(ManagerAction action, String message) {
    ManagerError error = new ManagerError();
    error.setResponse("Error");
    error.setMessage(message);
    error.setActionId(action.getActionId());
    return error;
  }

  /** For tests and the bench: when the link last changed state. */
  Instant since() {
    return status.since();
  }
}
