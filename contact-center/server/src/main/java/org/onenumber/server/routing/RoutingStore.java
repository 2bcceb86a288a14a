package org.onenumber.server.routing;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.Optional;
import org.onenumber.core.directory.QueueId;
import org.onenumber.server.persistence.Jdbc;

/**
 * Queue routing configurations on table {@code routing_queue_config} (migration V10), one JSON
 * {@link QueueConfigBody} per queue. Thread-safe; each call is its own transaction.
 */
@Singleton
public final class RoutingStore {

  private final Jdbc jdbc;
  private final JsonMapper json;
  private final InstantSource clock;

  RoutingStore(Jdbc jdbc, JsonMapper json, InstantSource clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  public Optional<QueueConfigBody> find(QueueId queue) {
    return jdbc.queryOne("select config from routing_queue_config where queue_id = ?",
        row -> read(row.getString(1)), queue.value());
  }

  public void save(QueueConfigBody body) {
    String text = write(body);
    jdbc.inTransaction(() -> {
      jdbc.update("delete from routing_queue_config where queue_id = ?", body.queueId());
      return jdbc.update("insert into routing_queue_config (queue_id, config, updated_at) values (?, ?, ?)",
          body.queueId(), text, clock.instant());
    });
  }

  private QueueConfigBody read(String text) {
    try {
      return json.readValue(text, QueueConfigBody.class);
    } catch (IOException e) {
      throw new UncheckedIOException("stored routing configuration is not readable", e);
    }
  }

  private String write(QueueConfigBody body) {
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
