package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.persistence.GroupCommitLanes;

/**
 * A chat session's rows are written in the inbound messages' group commit (issue 17, session 16):
 * {@code start}'s session row in one batch transaction of the lanes, a first message's contact on the
 * session in the message's own transaction. Fails on the old code, where {@code start} autocommitted
 * on a shared-pool connection of its own (no transaction of the lanes) and the contact was attached
 * in another autocommit after the message's.
 */
class ChatGroupCommitIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.rate-limits.chat-per-minute", 1_000_000));

  @Test
  void theSessionRowAndItsContactAreWrittenInTheLanesTransactions() throws Exception {
    GroupCommitLanes lanes = server.bean(GroupCommitLanes.class, "inbound-messages");
    ChatClient chat = new ChatClient(server.bean(JsonMapper.class)).connect(server.uri());

    long before = lanes.transactions();
    chat.send(Map.of("type", "start", "language", "ko"));
    String token = (String) chat.await("session", f -> true).get("token");
    assertEquals(before + 1, lanes.transactions(), "start's session row: one transaction of the lanes");
    assertEquals(null, contactOf(token), "no contact before the first message");

    chat.send(Map.of("type", "message", "clientId", "c-1", "body", "가로등이 꺼졌어요"));
    Map<String, Object> ack = chat.await("ack", f -> "c-1".equals(f.get("clientId")));
    assertEquals(before + 2, lanes.transactions(), "the message with its contact and the session's: one transaction");
    assertEquals(ack.get("contactId"), contactOf(token), "the session leads to the message's contact");
    chat.kill();
  }

  private String contactOf(String token) throws Exception {
    try (Connection c = server.bean(DataSource.class).getConnection();
        PreparedStatement select = c.prepareStatement("select contact_id from chat_session where token = ?")) {
      select.setString(1, token);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }
}
