package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.server.TestDatabases;

/**
 * Session 17: CI's `CrashSafetyIT` found on H2, after SIGKILL, a contact row (and its citizen) stored
 * without any of its steps; routing's rebuild then refused the whole journal and the server did not
 * start. The journal now leaves such a contact out of every answer and closes it as abandoned at its
 * creation (reason {@code journal-repair}), so the line starts and agrees with routing.
 */
class JdbcContactJournalRepairH2Test {

  private final Jdbc jdbc = new Jdbc(TestDatabases.h2());
  private final JdbcContactJournal journal = new JdbcContactJournal(jdbc, JsonMapper.createDefault());

  @Test
  void aContactStoredWithoutStepsIsLeftOutAndClosedSoTheRestOfTheLineIsRead() {
    jdbc.update("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
        + " values ('c-torn', 'caller', 'ko', true, false, false)");
    Instant at = Instant.parse("2026-12-05T00:37:42Z");
    for (String id : List.of("torn-1", "whole-1")) {
      journal.create(Contact.create(new ContactId(id), Channel.SMS, new CitizenId("c-torn"), Language.KOREAN, Set.of(), 0,
          "topic", at).moveTo(new ContactStep(ContactState.QUEUED, at, null, new QueueId("messaging-ko"), "intake")),
          List.of());
    }
    jdbc.update("delete from contact_step where contact_id = 'torn-1'"); // what the torn commit left

    List<Contact> open = journal.open();

    assertEquals(List.of("whole-1"), open.stream().map(c -> c.id().value()).toList(), "the readable contact only");
    assertEquals(List.of("ABANDONED"), jdbc.query("select state from contact where id = 'torn-1'", row -> row.getString(1)));
    assertEquals(List.of("CREATED", "ABANDONED:journal-repair"), jdbc.query("select state, reason from contact_step"
        + " where contact_id = 'torn-1' order by seq", row -> row.getString(1)
        + (row.getString(2) == null ? "" : ":" + row.getString(2))));
    assertEquals(List.of("whole-1"), journal.open().stream().map(c -> c.id().value()).toList(), "and again, unchanged");
  }
}
