package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.messaging.DeliveryStatus;
import org.onenumber.core.messaging.Direction;
import org.onenumber.core.messaging.Message;
import org.onenumber.core.messaging.MessageId;
import org.onenumber.core.port.out.MessageStore;

/**
 * Messages on table {@code message}; media URLs are stored one per line. Saving an existing id
 * updates only what may change (provider id, status, error); on PostgreSQL in one statement
 * ({@code insert ... on conflict (id) do update}), elsewhere an update, then an insert if none. Thread-safe; joins the caller's
 * transaction. A second message with a stored provider id violates the unique key and fails with
 * a retriable error (the webhook answers 503 and Twilio's retry then finds the first one).
 */
@Singleton
public final class JdbcMessageStore implements MessageStore {

  private static final int MAX_ERROR = 500;
  private final Jdbc jdbc;

  public JdbcMessageStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(Message m) {
    String error = m.error() == null || m.error().length() <= MAX_ERROR ? m.error() : m.error().substring(0, MAX_ERROR);
    Object[] row = {m.id().value(), m.contact() == null ? null : m.contact().value(), m.channel().name(),
        m.direction().name(), m.peer(), m.author(), m.body(),
        m.media().stream().map(URI::toString).collect(Collectors.joining("\n")), m.providerId(), m.status().name(),
        error, m.at()};
    if (jdbc.postgres()) {
      // one round trip for the usual case, a new message
      jdbc.update(INSERT + " on conflict (id) do update set provider_id = excluded.provider_id,"
          + " status = excluded.status, error = excluded.error", row);
      return;
    }
    int updated = jdbc.update("update message set provider_id = ?, status = ?, error = ? where id = ?",
        m.providerId(), m.status().name(), error, m.id().value());
    if (updated == 0) {
      jdbc.update(INSERT, row);
    }
  }

  private static final String INSERT = "insert into message (id, contact_id, channel, direction, peer, author, body,"
      + " media, provider_id, status, error, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Override
  public Optional<Message> find(MessageId id) {
    return jdbc.queryOne("select * from message where id = ?", JdbcMessageStore::read, id.value());
  }

  @Override
  public Optional<Message> findByProvider(String providerId) {
    return jdbc.queryOne("select * from message where provider_id = ?", JdbcMessageStore::read, providerId);
  }

  @Override
  public List<Message> byContact(ContactId contact) {
    return jdbc.query("select * from message where contact_id = ? order by at, id", JdbcMessageStore::read,
        contact.value());
  }

  private static Message read(ResultSet row) throws SQLException {
    String media = row.getString("media");
    List<URI> urls = media == null || media.isBlank() ? List.of()
        : Arrays.stream(media.split("\n")).map(URI::create).toList();
    String contact = row.getString("contact_id");
    return new Message(new MessageId(row.getString("id")), contact == null ? null : new ContactId(contact),
        Channel.valueOf(row.getString("channel")), Direction.valueOf(row.getString("direction")),
        row.getString("peer"), row.getString("author"), row.getString("body"), urls, row.getString("provider_id"),
        DeliveryStatus.valueOf(row.getString("status")), row.getString("error"), Jdbc.instant(row, "at"));
  }
}
