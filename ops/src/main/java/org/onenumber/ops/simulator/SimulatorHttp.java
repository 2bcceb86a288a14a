package org.onenumber.ops.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * a lane (4,000) covers every chat of the peak hour ~5 s long. Operators: 500 operators, each
 * contact an accept and a wrap-up; at most ~170 contacts/s answered (500 ÷ 3 s of wall time per
 * 300-s handle) × 2 requests × ~100 ms ≈ 34 in flight: 2 lanes × 32.
 *
 * <p>A place is waited for at most {@link #WAIT}: a citizen whose request finds no place or gets no
 * answer in time is counted as the simulator's own error ({@link SimulationLedger#timeouts}).
 */
final class SimulatorHttp implements AutoCloseable {

  static final int CITIZEN_LANES = 4;
  static final int CITIZEN_REQUESTS = 64;
  static final int CHAT_SOCKETS = 1000;
  static final int OPERATOR_LANES = 2;
  static final int OPERATOR_REQUESTS = 32;
  static final Duration WAIT = Duration.ofSeconds(30);

  private final List<ClientLane> citizens = new ArrayList<>();
  private final List<ClientLane> operators = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  /** The defaults above. */
  SimulatorHttp() {
    this(CITIZEN_LANES, CITIZEN_REQUESTS, CHAT_SOCKETS, OPERATOR_LANES, OPERATOR_REQUESTS, WAIT);
  }

  SimulatorHttp(int citizenLanes, int citizenRequests, int chatSockets, int operatorLanes, int operatorRequests,
      Duration wait) {
    for (int i = 0; i < citizenLanes; i++) {
      citizens.add(new ClientLane("citizens-" + i, citizenRequests, chatSockets, wait));
    }
    for (int i = 0; i < operatorLanes; i++) {
      operators.add(new ClientLane("operators-" + i, operatorRequests, 0, wait));
    }
  }

  /** The citizens' lanes, each with its own client. */
  List<ClientLane> citizenLanes() {
    return List.copyOf(citizens);
  }

  /** The next citizens' lane, round-robin. */
  ClientLane citizen() {
    return citizens.get(Math.floorMod(next.getAndIncrement(), citizens.size()));
  }

  /** Operator {@code i}'s lane (operators are spread over the operators' lanes by their number). */
  ClientLane operator(int i) {
    return operators.get(Math.floorMod(i, operators.size()));
  }

  /** Most connections all lanes hold at once, without the operators' console sockets (one each). */
  int connectionBound() {
    return citizens.stream().mapToInt(ClientLane::connectionBound).sum()
        + operators.stream().mapToInt(ClientLane::connectionBound).sum();
  }

  /** Each lane's {@link ClientLane#timings()} since the last call, one line. */
  String timings() {
    StringBuilder line = new StringBuilder();
    operators.forEach(l -> line.append(l.timings()).append(" | "));
    citizens.forEach(l -> line.append(l.timings()).append(" | "));
    return line.toString();
  }

  @Override
  public void close() {
    citizens.forEach(ClientLane::close);
    operators.forEach(ClientLane::close);
  }
}
