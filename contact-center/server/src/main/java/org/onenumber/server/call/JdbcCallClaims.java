package org.onenumber.server.call;

import java.time.InstantSource;
import java.util.UUID;
import org.onenumber.channels.call.CallClaims;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.persistence.Jdbc;

/**
 * Calls' claims ({@link CallClaims}) in table {@code call_home} of the shared database: one row per call in
 * progress, its latest claim (a random UUID), the node that made it and when. A claim is one statement on
 * PostgreSQL ({@code insert ... on conflict do update}: the last claim wins), elsewhere an update, then an
 * insert if none; a check is a read by primary key. A failure is the JDBC layer's (the fence keeps the call on a
 * failed read). Thread-safe; joins no transaction of the caller's (the signalling runs outside any).
 */
final class JdbcCallClaims implements CallClaims {

  private static final String INSERT = "insert into call_home (contact_id, claim, node, claimed_at) values (?, ?, ?, ?)";

  private final Jdbc jdbc;
  private final InstantSource clock;
  private final String node;

  JdbcCallClaims(Jdbc jdbc, InstantSource clock, String node) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.node = node;
  }

  @Override
  public String claim(ContactId contact) {
    String claim = UUID.randomUUID().toString();
    Object[] row = {contact.value(), claim, node, clock.instant()};
    if (jdbc.postgres()) {
      jdbc.update(INSERT + " on conflict (contact_id) do update set claim = excluded.claim, node = excluded.node,"
          + " claimed_at = excluded.claimed_at", row);
      return claim;
    }
    if (jdbc.update("update call_home set claim = ?, node = ?, claimed_at = ? where contact_id = ?", claim, node,
        clock.instant(), contact.value()) == 0) {
      jdbc.update(INSERT, row);
    }
    return claim;
  }

  @Override
  public boolean holds(ContactId contact, String claim) {
    return jdbc.queryOne("select claim from call_home where contact_id = ?", row -> row.getString(1), contact.value())
        .filter(claim::equals).isPresent();
  }

  @Override
  public void release(ContactId contact, String claim) {
    jdbc.update("delete from call_home where contact_id = ? and claim = ?", contact.value(), claim);
  }
}
