package org.onenumber.server.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work waiting for the routing context, run in batches (a group commit): whatever queued up
 * while the context was busy is applied to the engine one command after the other, written in
 * <em>one</em> journal transaction ({@link JournaledEngine#commit}), and only then handed on —
 * each command's decisions published in queue order, then each caller answered. A burst of
 * arrivals, accepts and wrap-ups costs one commit instead of one each, so nobody waits behind a
 * line of commits. The cases, in the order the code takes them:
 *
 * <ol>
 *   <li><b>A command</b> ({@link Command}): applied; its decisions, or its refusal, are held until
 *       the batch is written (a refusal may rest on a decision of the same batch).
 *   <li><b>A read</b> ({@link #read}): it never sees or pushes an unwritten decision. With nothing
 *       of the turn unwritten it runs at once; after a command of the turn it waits for the turn's
 *       one commit and then runs, with the other reads of the turn, in queue order (issue 17: a
 *       read used to write the batch so far first, so at New York's record day, with position,
 *       call-state and chat-push reads between the arrivals and abandons, a batch held one or two
 *       commands and the context spent its time in commits). A read may so see commands queued
 *       after it, all written: whoever waits for a read sends nothing meanwhile.
 *   <li><b>The engine fails on a command</b> (not a refusal): the engine is stale and the batch's
 *       decisions are dropped; that command fails with its error, the ones applied before it in
 *       the batch with a retriable one (none was written); the rest of the queue runs on an engine
 *       rebuilt from the journal.
 *   <li><b>The commit fails</b>: the engine is stale; every command of the batch fails with the
 *       commit's failure and nothing of it is published ("durable before acknowledged").
 *   <li><b>A command under a call's claim</b> ({@link Command#claim}: a browser call's hang-up or return to
 *       the line, handed by its home): the batch so far is written first; then the claim is checked, the
 *       command applied and written in a transaction of its own ({@link JournaledEngine#handleUnder}), so its
 *       claim is held from the check to the commit. A stale claim refuses that command alone ({@link
 *       CallClaim.LostException}, nothing applied); the commands before and after it are written as usual.
 *       Such steps are rare (a call ends once), so the extra commit costs nothing measurable.
 * </ol>
 *
 * <p><b>Operators have their own lane</b> (issue 17): the commands of people at work — log in and
 * out, state, capacity, accept, decline, hold, resume, wrap-up, close — and their reads ({@link
 * #readForStaff}) are taken before anything else waiting, so a burst of thousands of arrivals (each
 * read from the journal on this context) never keeps an operator's login or accept waiting for the
 * routing call's timeout. Within each lane the order is kept; arrivals, timers, abandons, transfers
 * and the host's own reads keep theirs.
 *
 * <p>After a failure the host {@link Host#recover recovers} (rebuilds soon). At most {@value
 * #MAX_BATCH} items run in one turn of the context, so timers and other tasks get their turn.
 * Thread-safe: any thread may queue; batches run serially on the context ({@code context}).
 */
final class RoutingQueue {

  static final int MAX_BATCH = 200;
  private static final Logger LOG = LoggerFactory.getLogger(RoutingQueue.class);

  /** What the host does around the commands of a batch, on the context. */
  interface Host {
    /** Before a command is applied (e.g. configures a queue used for the first time). */
    void prepare(RoutingCommand command);

    /** Hands one written command's decisions on: events, pushes to consoles, the next deadline. */
    void publish(Decisions decisions);

    /** After a failure left the engine stale: rebuild it soon, even if no command comes. */
    void recover();

    /** A turn wrote {@code commands}: the nanoseconds it spent applying, committing, publishing (a meter). */
    default void written(int commands, long applyNanos, long commitNanos, long publishNanos) {
    }
  }

  /** Something queued for the context. */
  sealed interface Item permits Command, Read {
  }

  /** A command waiting for routing, and whom to tell what became of it. */
  non-sealed interface Command extends Item {
    /** On the context: the command to apply now, or null when there is none. May throw (nothing applied). */
    RoutingCommand command();

    /**
     * Written and published ({@code decisions} null when there was no command); {@code startedNanos}
     * when the batch reached it, {@code pushNanos} the wall time its publication took.
     */
    void done(Decisions decisions, long startedNanos, long pushNanos);

    /** Refused, or not written: nothing of it was published. */
    void failed(RuntimeException failure);

    /** The call's claim the command is written under ({@link CallClaim}), or null: not fenced. */
    default CallClaim claim() {
      return null;
    }
  }

  /** A command whose caller waits for its decisions (or failure) once written, under {@code claim} when not null. */
  record Answered(RoutingCommand command, CallClaim claim, CompletableFuture<Decisions> result) implements Command {
    Answered(RoutingCommand command, CompletableFuture<Decisions> result) {
      this(command, null, result);
    }

    @Override
    public void done(Decisions decisions, long startedNanos, long pushNanos) {
      result.complete(decisions);
    }

    @Override
    public void failed(RuntimeException failure) {
      result.completeExceptionally(failure);
    }
  }

  private record Read(Runnable work) implements Item {
  }

  /** A command applied in the current batch, with its outcome. */
  private record Applied(Command task, long startedNanos, Decisions decisions, RuntimeException failure) {
  }

  private final Queue<Item> waiting = new ConcurrentLinkedQueue<>();
  private final Queue<Item> staff = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Executor context;
  private final JournaledEngine routing;
  private final Host host;

  /**
   * @param context runs a task on the routing context (serially)
   */
  RoutingQueue(Executor context, JournaledEngine routing, Host host) {
    this.context = context;
    this.routing = routing;
    this.host = host;
  }

  /** Queues a command: in the operators' lane when it is one of theirs ({@link #isOperators}). */
  void add(Command command) {
    (command instanceof Answered a && isOperators(a.command()) ? staff : waiting).add(command);
    schedule();
  }

  /** As {@link #read}, in the operators' lane: runs before arrivals waiting, after the staff commands before it. */
  void readForStaff(Runnable work) {
    staff.add(new Read(work));
    schedule();
  }

  /** A command a person at work sends about themselves or a contact they hold. */
  static boolean isOperators(RoutingCommand command) {
    return switch (command) {
      case RoutingCommand.LogIn c -> true;
      case RoutingCommand.LogOut c -> true;
      case RoutingCommand.MakeAvailable c -> true;
      case RoutingCommand.TakeBreak c -> true;
      case RoutingCommand.ChangeCapacity c -> true;
      case RoutingCommand.Accept c -> true;
      case RoutingCommand.Decline c -> true;
      case RoutingCommand.Hold c -> true;
      case RoutingCommand.Resume c -> true;
      case RoutingCommand.WrapUp c -> true;
      case RoutingCommand.Close c -> true;
      default -> false;
    };
  }

  /** Items waiting for the context in the operators' lane ({@code staff}) or in the other one (a gauge; O(n)). */
  int queued(boolean staffLane) {
    return (staffLane ? staff : waiting).size();
  }

  /** Queues work that reads the engine (or pushes from it): it runs once everything before it is written. */
  void read(Runnable work) {
    waiting.add(new Read(work));
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      context.execute(this::drain);
    }
  }

  private void drain() {
    scheduled.set(false);
    long started = System.nanoTime();
    List<Applied> batch = new ArrayList<>();
    List<Read> afterCommit = new ArrayList<>();
    for (int n = 0; n < MAX_BATCH; n++) {
      Item next = staff.poll();
      if (next == null) {
        next = waiting.poll();
      }
      if (next == null) {
        break;
      }
      switch (next) {
        case Command command -> apply(command, batch, started);
        case Read read when batch.isEmpty() && afterCommit.isEmpty() -> run(read);
        case Read read -> afterCommit.add(read);
      }
    }
    flush(batch, started);
    afterCommit.forEach(RoutingQueue::run);
    if (!waiting.isEmpty() || !staff.isEmpty()) {
      schedule();
    }
  }

  private void apply(Command task, List<Applied> batch, long turnStarted) {
    long started = System.nanoTime();
    try {
      RoutingCommand command = task.command();
      Decisions decisions = null;
      if (command != null) {
        host.prepare(command);
        decisions = task.claim() == null ? routing.apply(command) : alone(task.claim(), command, batch, turnStarted);
      }
      batch.add(new Applied(task, started, decisions, null));
    } catch (RuntimeException e) {
      if (!routing.stale()) {
        batch.add(new Applied(task, started, null, e));
        return;
      }
      RetriableException unwritten = new RetriableException(
          "routing failed on another command of the same journal batch: " + e.getMessage(), e);
      batch.forEach(a -> tell(a.task(), unwritten));
      batch.clear();
      tell(task, e);
      host.recover();
    }
  }

  /** Case 5: the batch so far is written, then {@code command} in a transaction of its own under {@code claim}. */
  private Decisions alone(CallClaim claim, RoutingCommand command, List<Applied> batch, long turnStarted) {
    flush(batch, turnStarted);
    return routing.handleUnder(claim, command);
  }

  /** Writes the batch in one transaction, then hands each command on in order. */
  private void flush(List<Applied> batch, long started) {
    if (batch.isEmpty()) {
      return;
    }
    long committing = System.nanoTime();
    try {
      routing.commit();
    } catch (RuntimeException e) {
      batch.forEach(a -> tell(a.task(), e));
      batch.clear();
      host.recover();
      return;
    }
    long publishing = System.nanoTime();
    for (Applied a : batch) {
      if (a.failure() == null) {
        publish(a);
      }
    }
    for (Applied a : batch) {
      if (a.failure() != null) {
        tell(a.task(), a.failure());
      }
    }
    host.written(batch.size(), committing - started, publishing - committing, System.nanoTime() - publishing);
    batch.clear();
  }

  private void publish(Applied a) {
    long before = System.nanoTime();
    try {
      if (a.decisions() != null) {
        host.publish(a.decisions());
      }
    } catch (RuntimeException e) {
      LOG.error("written routing decisions could not be handed on", e);
      tell(a.task(), e);
      return;
    }
    try {
      a.task().done(a.decisions(), a.startedNanos(), System.nanoTime() - before);
    } catch (RuntimeException e) {
      LOG.error("routing caller failed on its answer", e);
    }
  }

  private static void tell(Command task, RuntimeException failure) {
    try {
      task.failed(failure);
    } catch (RuntimeException e) {
      LOG.error("routing caller failed on its failure", e);
    }
  }

  private static void run(Read read) {
    try {
      read.work().run();
    } catch (RuntimeException e) {
      LOG.error("routing task failed", e);
    }
  }
}
