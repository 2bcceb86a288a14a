package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.cluster.JdbcRoutingLease;
import org.onenumber.server.cluster.JdbcRoutingLease.Lease;
import org.onenumber.server.cluster.PostgresLeaseListener;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.routing.PartitionsReader.Holder;
import org.onenumber.server.routing.PartitionsReader.PartitionsView;
import org.onenumber.server.routing.PartitionsReader.Waiting;
import reactor.core.Disposable;

/**
 * The partitions panel's push end to end on a real PostgreSQL (issue 11, session 17): a viewer's
 * {@link PartitionWatch} hears other nodes' lease writes through {@code LISTEN/NOTIFY} ({@link
 * PostgresLeaseListener}) and reads the lease table only then: idle, it reads nothing (the watch of
 * session 16 read it every 500 ms); a change made while its listening connection was cut off is pushed
 * once it listens again; the streams end when the server stops. The nodes are {@link JdbcRoutingLease}
 * writers on the same database; the watch's reads count queries of the real lease table.
 */
class PartitionWatchPostgresIT {

  private static final Duration TTL = Duration.ofSeconds(30);

  private DataSource database;
  private JdbcRoutingLease nodeA;
  private JdbcRoutingLease nodeB;
  private Lease cityOfA;
  private PostgresLeaseListener listener;
  private PartitionWatch watch;
  private Disposable viewer;
  private final AtomicInteger holderReads = new AtomicInteger();
  private final List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
  private final AtomicBoolean completed = new AtomicBoolean();
  private final JsonMapper json = JsonMapper.createDefault();

  @BeforeEach
  void aViewerOnNodeC() {
    database = TestDatabases.postgresMigrated("partition_watch");
    Jdbc jdbc = new Jdbc(database);
    nodeA = new JdbcRoutingLease(jdbc, Instant::now, "node-a", TTL);
    nodeB = new JdbcRoutingLease(jdbc, Instant::now, "node-b", TTL);
    JdbcRoutingLease table = new JdbcRoutingLease(jdbc, Instant::now, "node-c", TTL);
    cityOfA = nodeA.acquire("city").orElseThrow();
    listener = new PostgresLeaseListener(database);
    watch = new PartitionWatch(new PartitionWatch.Source() {
      @Override
      public Map<String, Holder> holders() {
        holderReads.incrementAndGet();
        Map<String, Holder> holders = new TreeMap<>();
        for (Lease lease : table.all()) {
          boolean live = !lease.expiresAt().isBefore(Instant.now());
          holders.put(lease.partition(), new Holder(live ? lease.owner() : null, live ? lease.epoch() : null, false));
        }
        return holders;
      }

      @Override
      public PartitionsView view(Map<String, Waiting> waiting) {
        return new PartitionsView("node-c", true, Instant.now(), List.of());
      }

      @Override
      public Map<String, Waiting> waiting() {
        return Map.of();
      }
    }, new Standby(), listener, json);
    viewer = watch.stream().subscribe(frame -> frames.add(parse(frame)), e -> { }, () -> completed.set(true));
    await("the viewer's first frames and the listening connection").atMost(Duration.ofSeconds(10))
        .until(() -> frames.size() >= 2 && listener.connected());
  }

  @AfterEach
  void stop() {
    viewer.dispose();
    watch.stop();
    listener.stop();
  }

  @Test
  void anotherNodesTakeoverIsPushedWithoutReadingTheLeaseTableWhileNothingChanges() {
    await("the baseline read").atMost(Duration.ofSeconds(5)).until(() -> holderReads.get() >= 1);
    int before = holderReads.get();
    await().pollDelay(Duration.ofMillis(2500)).until(() -> true); // idle: half the refresh period
    // at most the one refresh due 5 s after the last push (a slow start-up may put it in this window);
    // the old watch read every 500 ms: 5 reads here
    assertTrue(holderReads.get() - before <= 1,
        "reads of the lease table while nothing changed (the old watch polled): " + (holderReads.get() - before));

    long written = System.nanoTime();
    nodeA.release(cityOfA);
    nodeB.acquire("city").orElseThrow();
    await("node-b's takeover pushed").atMost(Duration.ofSeconds(3)).until(() -> changed("city", "node-b"));
    System.out.printf("RESULT partition-watch-push pushed_after_ms=%d reads_for_the_push=%d load=%s%n",
        (System.nanoTime() - written) / 1_000_000, holderReads.get() - before, load());
  }

  @Test
  void aChangeWrittenWhileTheListenerWasCutOffIsPushedOnceItListensAgain() throws Exception {
    assertEquals(1, terminateListeningBackend(), "one listening connection per node");
    nodeB.acquire("sign").orElseThrow(); // written while nobody listens (the listener waits a second to reconnect)
    await("the change pushed after the reconnect").atMost(Duration.ofSeconds(10)).until(() -> changed("sign", "node-b"));
    await("listening again").atMost(Duration.ofSeconds(5)).until(listener::connected);
  }

  @Test
  void theStreamsEndWhenTheServerStops() {
    watch.stop();
    listener.stop();
    await("the viewer's stream completed").atMost(Duration.ofSeconds(5)).until(completed::get);
    await("the listening connection closed").atMost(Duration.ofSeconds(5)).until(() -> listeningBackends() == 0);
  }

  /** Whether a frame pushed {@code partition}'s move to {@code to} (a frame without changes omits them). */
  @SuppressWarnings("unchecked")
  private boolean changed(String partition, String to) {
    return frames.stream()
        .flatMap(f -> ((List<Map<String, Object>>) f.getOrDefault("changes", List.of())).stream())
        .anyMatch(c -> partition.equals(c.get("partition")) && to.equals(c.get("to")));
  }

  private int terminateListeningBackend() throws Exception {
    return overListeningBackends("count(pg_terminate_backend(pid))");
  }

  private int listeningBackends() throws Exception {
    return overListeningBackends("count(*)");
  }

  /** {@code aggregate} over this database's backends named as the lease listener names its connection. */
  private int overListeningBackends(String aggregate) throws Exception {
    try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
        "select " + aggregate + " from pg_stat_activity where datname = current_database()"
            + " and application_name = '" + PostgresLeaseListener.APPLICATION_NAME + "'")) {
      r.next();
      return r.getInt(1);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parse(String frame) {
    try {
      return json.readValue(frame, Map.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String load() {
    try {
      return String.join("/", List.of(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "))
          .subList(0, 3));
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** This node routes nothing (a standby beside node-a and node-b): its own changes never come. */
  private static final class Standby implements RoutingOwnership {
    @Override
    public boolean owner() {
      return false;
    }

    @Override
    public void fence() {
      throw new IllegalStateException("a standby routes nothing");
    }

    @Override
    public void whenChanged(Consumer<Boolean> listener) {
      // a standby here
    }

    @Override
    public Set<String> partitions() {
      return Set.of("city", "sign");
    }

    @Override
    public boolean clustered() {
      return true;
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("role", "standby");
    }
  }
}
