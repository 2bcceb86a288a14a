package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.happycall.FollowUp;
import org.onenumber.core.happycall.HappyCall;
import org.onenumber.core.port.out.HappyCallStore;

/**
 * {@link HappyCallStore} over {@code happy_call} and {@code happy_follow_up} (V150; {@code calls} V310). Every state
 * change is an {@code update ... where state = ?}, so two nodes never both send or both answer.
 * Thread-safe (stateless over {@link Jdbc}).
 */
@Singleton
public final class JdbcHappyCallStore implements HappyCallStore {

  private final Jdbc jdbc;

  JdbcHappyCallStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean schedule(HappyCall call) {
    return jdbc.inTransaction(() -> {
      if (find(call.contact()).isPresent()) {
        return false;
      }
      jdbc.update("insert into happy_call (contact_id, citizen_id, due_at, state) values (?, ?, ?, ?)",
          call.contact().value(), call.citizen().value(), call.dueAt(), call.state().name());
      return true;
    });
  }

  @Override
  public List<HappyCall> due(Instant now, int limit) {
    return jdbc.query("select * from happy_call where state = 'SCHEDULED' and due_at <= ? order by due_at limit ?",
        JdbcHappyCallStore::row, now, limit);
  }

  @Override
  public boolean markSent(ContactId contact, String phone, Instant at) {
    return jdbc.update("update happy_call set state = 'SENT', phone = ?, sent_at = ? where contact_id = ?"
        + " and state = 'SCHEDULED'", phone, at, contact.value()) == 1;
  }

  @Override
  public boolean markCalling(ContactId contact, String phone, Instant at) {
    return jdbc.update("update happy_call set state = 'CALLING', phone = ?, sent_at = ?, calls = calls + 1"
        + " where contact_id = ? and state = 'SCHEDULED'", phone, at, contact.value()) == 1;
  }

  @Override
  public boolean callAgain(ContactId contact, Instant dueAt) {
    return jdbc.update("update happy_call set state = 'SCHEDULED', due_at = ? where contact_id = ?"
        + " and state = 'CALLING'", dueAt, contact.value()) == 1;
  }

  @Override
  public boolean fallBackToSms(ContactId contact, Instant at) {
    return jdbc.update("update happy_call set state = 'SENT', sent_at = ? where contact_id = ? and state = 'CALLING'",
        at, contact.value()) == 1;
  }

  @Override
  public List<HappyCall> callingSince(Instant before, int limit) {
    return jdbc.query("select * from happy_call where state = 'CALLING' and sent_at < ? order by sent_at limit ?",
        JdbcHappyCallStore::row, before, limit);
  }

  @Override
  public boolean skip(ContactId contact) {
    return jdbc.update("update happy_call set state = 'SKIPPED' where contact_id = ? and state = 'SCHEDULED'",
        contact.value()) == 1;
  }

  @Override
  public Optional<Instant> lastSent(CitizenId citizen) {
    return jdbc.queryOne("select sent_at from happy_call where citizen_id = ? and sent_at is not null"
        + " order by sent_at desc limit 1", r -> Jdbc.instant(r, "sent_at"), citizen.value());
  }

  @Override
  public Optional<HappyCall> awaiting(String phone) {
    return jdbc.queryOne("select * from happy_call where phone = ? and state = 'SENT' order by sent_at desc",
        JdbcHappyCallStore::row, phone);
  }

  @Override
  public boolean answer(ContactId contact, int score, Instant at, FollowUp followUp) {
    return jdbc.inTransaction(() -> {
      if (jdbc.update("update happy_call set state = 'ANSWERED', score = ?, answered_at = ? where contact_id = ?"
          + " and state in ('SENT', 'CALLING')", score, at, contact.value()) != 1) {
        return false;
      }
      if (followUp != null) {
        jdbc.update("insert into happy_follow_up (contact_id, score, opened_at) values (?, ?, ?)",
            followUp.contact().value(), followUp.score(), followUp.openedAt());
      }
      return true;
    });
  }

  @Override
  public List<FollowUp> followUps(int limit) {
    return jdbc.query("select * from happy_follow_up order by opened_at desc limit ?", r -> new FollowUp(
        new ContactId(r.getString("contact_id")), r.getInt("score"), Jdbc.instant(r, "opened_at")), limit);
  }

  @Override
  public Optional<HappyCall> find(ContactId contact) {
    return jdbc.queryOne("select * from happy_call where contact_id = ?", JdbcHappyCallStore::row, contact.value());
  }

  private static HappyCall row(ResultSet r) throws SQLException {
    Integer score = r.getObject("score") == null ? null : r.getInt("score");
    return new HappyCall(new ContactId(r.getString("contact_id")), new CitizenId(r.getString("citizen_id")),
        Jdbc.instant(r, "due_at"), HappyCall.State.valueOf(r.getString("state")), r.getString("phone"),
        Jdbc.instant(r, "sent_at"), score, r.getInt("calls"));
  }
}
