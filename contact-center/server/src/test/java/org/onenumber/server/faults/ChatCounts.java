package org.onenumber.server.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the database holds of the citizens' chat messages: an acknowledged message is lost when no
 * inbound message has its body, duplicated when more than one has; a message still unacknowledged
 * when the load stopped may be stored (its last send may have been committed) but only once.
 */
record ChatCounts(int lost, int duplicated) {

  static ChatCounts of(ChatCitizens citizens, Connection c) throws SQLException {
    int lost = 0;
    int duplicated = 0;
    try (PreparedStatement s = c.prepareStatement(
        "select count(*) from message where body = ? and direction = 'IN'")) {
      for (ChatCitizens.Acked acked : citizens.acked()) {
        int n = stored(s, acked.body());
        lost += n == 0 ? 1 : 0;
        duplicated += Math.max(0, n - 1);
      }
      for (String body : citizens.pending().values()) {
        duplicated += Math.max(0, stored(s, body) - 1);
      }
    }
    return new ChatCounts(lost, duplicated);
  }

  private static int stored(PreparedStatement s, String body) throws SQLException {
    s.setString(1, body);
    try (ResultSet row = s.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }
}
