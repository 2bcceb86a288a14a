package org.onenumber.server.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onenumber.channels.call.CallParty;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcAuditLog;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.testkit.ManualClock;

/**
 * Who is still in a call by the journal (session 23: a node that rebuilds the call lets that guest join again):
 * the last guest joining since the contact was last connected, unless a leaving followed it; another contact's
 * events and earlier connections' do not count.
 */
class JdbcCallPartyJournalH2Test {

  private static final Instant T0 = Instant.parse("2026-12-06T00:30:00Z");
  private static final ContactId CALL = new ContactId("c-1");

  private final Jdbc jdbc = new Jdbc(TestDatabases.h2());
  private final JsonMapper json = JsonMapper.createDefault();
  private final ManualClock clock = new ManualClock(T0);
  private final JdbcCallPartyJournal parties = new JdbcCallPartyJournal(jdbc, json, clock, new JdbcAuditLog(jdbc),
      new JdbcContactJournal(jdbc, json), new JdbcDirectory(jdbc));

  private Optional<String> stillIn(long sinceSecond) {
    return parties.stillIn(CALL, CallParty.GUEST, T0.plusSeconds(sinceSecond));
  }

  @Test
  void theLastGuestWhoJoinedAndDidNotLeaveIsStillIn() {
    parties.joined(CALL, CallParty.GUEST, "op-036"); // in an earlier connection of the contact
    clock.advanceSeconds(10);
    assertEquals(Optional.empty(), stillIn(5), "nobody since the connection at T0+5");

    parties.joined(CALL, CallParty.GUEST, "op-035");
    parties.joined(new ContactId("c-2"), CallParty.GUEST, "op-037");
    assertEquals(Optional.of("op-035"), stillIn(5));

    clock.advanceSeconds(10);
    parties.left(CALL, CallParty.GUEST, "op-035");
    assertEquals(Optional.empty(), stillIn(5), "op-035 left");

    clock.advanceSeconds(10);
    parties.joined(CALL, CallParty.GUEST, "staff-water");
    assertEquals(Optional.of("staff-water"), stillIn(5));
    assertEquals(Optional.empty(), stillIn(35), "nothing after the given time");
  }
}
