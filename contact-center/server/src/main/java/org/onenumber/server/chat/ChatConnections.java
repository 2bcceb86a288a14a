package org.onenumber.server.chat;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.OwnPool;

/**
 * The chat's own connections ({@link OwnPool} {@code chat-sessions}, {@code onenumber.chat.connections},
 * default 2) for the chat's reads and small writes that are not in the inbound group commit: a
 * {@code resume}'s session and contact, the contact {@code leave} and the abandon timers look at, the
 * timers' grace deadlines, an operator message's {@code ack}, a survey. On the shared pool (16) these
 * waited behind, and held up, every other request at New York's peak (issue 17, session 17: 22-27
 * chat frames and up to 36 timers among 47-54 waiting threads). Thread-safe.
 */
@Singleton
final class ChatConnections {

  private final Jdbc jdbc;
  /** Null when the shared source is not a Hikari pool (a test's own source): then that one. */
  private final HikariDataSource own;

  ChatConnections(Jdbc jdbc, DataSource shared, @Value("${onenumber.chat.connections:2}") int size) {
    this.jdbc = jdbc;
    this.own = OwnPool.of(shared, "chat-sessions", Math.max(1, size));
  }

  /** Runs {@code work} with its statements on the chat's connections. */
  <T> T run(Supplier<T> work) {
    return own == null ? work.get() : jdbc.fromPool(own, work);
  }

  /** As {@link #run(Supplier)}, without a value. */
  void execute(Runnable work) {
    run(() -> {
      work.run();
      return null;
    });
  }

  @PreDestroy
  void close() {
    if (own != null) {
      own.close();
    }
  }
}
