package org.onenumber.ops.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's HTTP side, sized like a city's population of clients rather than one shared JDK
 * client: the operators' consoles (logins, accepts, wrap-ups, state changes, their agent
 * WebSockets) on lanes of their own, apart from the citizens, who are spread round-robin over
 * several {@link ClientLane}s, each with a bounded number of requests in flight and of chat sockets.
 * A shift's logins therefore never queue behind thousands of citizens' requests, and the simulator
 * never holds more connections than {@link #connectionBound()} (plus one console socket per
 * operator), well inside the bench's file-descriptor limit (20,000).
 *
 * <p>The default sizes, by Little's law (L = λW) for New York's record day at 100×: the busiest
 * hour brings 10 % of 277,000 contacts, 7.7 arrivals per trace second, 770 per wall second. A
 * citizen's request spends ~30 ms at a healthy server and up to ~250 ms at a loaded one (the
 * webhook bench's 32 in flight at 1,030/s is 31 ms; session 12's 256 in flight: 250 ms), so
 * 770/s × 0.25 s ≈ 190 requests in flight at the peak: 4 lanes × 64 = 256. The server admits at
 * most 80 citizens' HTTP requests at once anyway (chat 32, webhooks 32, contacts 16; the rest is
 * answered 503 at once), so more places would only turn into connections the server sheds. A chat
 * conversation holds its socket for its wait and talk, seconds of wall time at 100×: 1,000 sockets
 * a lane (4,000) covers every chat of the peak hour ~5 s long.
 *
 * <p>Operators: one client per {@value #CONSOLES_PER_LANE} consoles, by operator number (operators
 * 1–25 on the first, 26–50 on the second…: the {@link CityRoster} deals each group's shifts to
 * consecutive operators in ten piles by start, so no lane carries a whole shift change alone; two
 * lanes by number parity put the whole night shift on one), made when its first operator is. 500
 * operators, each contact an accept and a wrap-up: at most ~170 contacts/s answered (500 ÷ 3 s of
 * wall time per 300-s handle) × 2 requests × ~100 ms ≈ 34 in flight at a healthy server, ~340 when
 * it answers in a second: 20 lanes × {@value #OPERATOR_REQUESTS}. A small client per few consoles
 * is nearer the real thing (a browser per console) than one shared by 250: its selector thread,
 * its timer lock and its connection pool serve 25 consoles, not 250.
 *
 * <p>A place is waited for at most {@link #WAIT}, by a citizen without a thread (queued as a
 * continuation, {@link AsyncPlaces}; session 15): a citizen whose request finds no place or gets no
 * answer in time is counted as the simulator's own error ({@link SimulationLedger#timeouts}).
 */
final class SimulatorHttp implements AutoCloseable {

  static final int CITIZEN_LANES = 4;
  static final int CITIZEN_REQUESTS = 64;
  static final int CHAT_SOCKETS = 1000;
  static final int CONSOLES_PER_LANE = 25;
  static final int OPERATOR_REQUESTS = 16;
  static final Duration WAIT = Duration.ofSeconds(30);
  /**
   * Threads that handle every citizens' lane's answers and chat frames (the lanes' clients share
   * them): a citizen's next step there never blocks ({@link ClientLane#sendAsync}, {@link Waits}),
   * so a few carry thousands of citizens, where each JDK client's own pool grew a thread per answer
   * handled at once.
   */
  static final int CITIZEN_THREADS = 4;

  /**
   * Threads for every operators' client's answers and console frames (session 18): an operator's
   * next step never blocks there either ({@link SimulatedOperator}: no thread per contact in hand),
   * and the operators stay off the citizens' threads. Before, each operators' client's own JDK pool
   * grew a thread per answer handled at once.
   */
  static final int OPERATOR_THREADS = 4;

  private final List<ClientLane> citizens = new ArrayList<>();
  private final Map<Integer, ClientLane> operators = new ConcurrentSkipListMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private final int consolesPerLane;
  private final int operatorRequests;
  private final Duration wait;
  private final LaneTimings citizenTimings = new LaneTimings();
  private final LaneTimings operatorTimings = new LaneTimings();
  private final ExecutorService citizenThreads = Executors.newFixedThreadPool(CITIZEN_THREADS,
      Thread.ofPlatform().daemon().name("citizens-http-", 1).factory());
  private final ExecutorService operatorThreads = Executors.newFixedThreadPool(OPERATOR_THREADS,
      Thread.ofPlatform().daemon().name("operators-http-", 1).factory());

  /** The defaults above. */
  SimulatorHttp() {
    this(CITIZEN_LANES, CITIZEN_REQUESTS, CHAT_SOCKETS, CONSOLES_PER_LANE, OPERATOR_REQUESTS, WAIT);
  }

  SimulatorHttp(int citizenLanes, int citizenRequests, int chatSockets, int consolesPerLane, int operatorRequests,
      Duration wait) {
    for (int i = 0; i < citizenLanes; i++) {
      citizens.add(new ClientLane("citizens-" + i, citizenRequests, chatSockets, wait, citizenTimings, citizenThreads));
    }
    this.consolesPerLane = consolesPerLane;
    this.operatorRequests = operatorRequests;
    this.wait = wait;
  }

  /** The citizens' lanes, each with its own client. */
  List<ClientLane> citizenLanes() {
    return List.copyOf(citizens);
  }

  /** The next citizens' lane, round-robin. */
  ClientLane citizen() {
    return citizens.get(Math.floorMod(next.getAndIncrement(), citizens.size()));
  }

  /** Operator {@code i}'s lane (1-based: operators 1 to {@code consolesPerLane} share the first). */
  ClientLane operator(int i) {
    return operators.computeIfAbsent(Math.floorDiv(i - 1, consolesPerLane),
        k -> new ClientLane("operators-" + k, operatorRequests, 0, wait, operatorTimings, operatorThreads));
  }

  /** How many operators' lanes there are (one per {@code consolesPerLane} operators seen). */
  int operatorLanes() {
    return operators.size();
  }

  /** Most connections all lanes hold at once, without the operators' console sockets (one each). */
  int connectionBound() {
    return citizens.stream().mapToInt(ClientLane::connectionBound).sum()
        + operators.values().stream().mapToInt(ClientLane::connectionBound).sum();
  }

  /** Where the operators' and the citizens' requests spent their time since the last call ({@link LaneTimings}). */
  String timings() {
    return "operators " + operatorTimings.drain() + " | citizens " + citizenTimings.drain();
  }

  @Override
  public void close() {
    citizens.forEach(ClientLane::close);
    operators.values().forEach(ClientLane::close);
    citizenThreads.shutdownNow();
    operatorThreads.shutdownNow();
  }
}
