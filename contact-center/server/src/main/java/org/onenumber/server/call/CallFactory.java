package org.onenumber.server.call;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.vertx.core.Vertx;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;
import org.onenumber.channels.call.CallSignalling;
import org.onenumber.channels.call.CallTimers;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.Directory;
import org.onenumber.server.routing.RoutingHost;

/**
 * Wires the call signalling: intake opens the contacts, routing hears hang-ups, the grace period
 * after a citizen's connection drops is {@code onenumber.call.reconnect-grace} (default 30 s),
 * run on a Vert.x timer that hands over to the blocking executor.
 */
@Factory
final class CallFactory {

  @Singleton
  CallSignalling callSignalling(OpenContact open, RoutingHost routing, ContactJournal journal, Directory directory,
      Vertx vertx, @Named(TaskExecutors.BLOCKING) ExecutorService executor, RandomGenerator random,
      @Value("${onenumber.call.reconnect-grace:30s}") Duration grace) {
    CallTimers timers = (delay, task) -> {
      long id = vertx.setTimer(Math.max(1, delay.toMillis()), t -> executor.execute(task));
      return () -> vertx.cancelTimer(id);
    };
    return new CallSignalling(open, new EngineCallRouting(routing, directory), journal, timers, grace, random);
  }
}
