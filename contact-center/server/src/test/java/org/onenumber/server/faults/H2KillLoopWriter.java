package org.onenumber.server.faults;

import io.micronaut.json.JsonMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcContactJournal;

/**
 * The child JVM of {@link H2KillLoopFaults}: the server's H2 file (its URL settings, its migrations,
 * {@link Jdbc} as the server builds it) written by several threads, each transaction a new citizen with
 * an identity and a new contact with its steps ({@link JdbcContactJournal#create}, as intake does); prints
 * each contact's id once its commit returned (acknowledged). Runs until killed.
 * Arguments: data dir, first id, threads, retention ms, single writer (true/false).
 */
public final class H2KillLoopWriter {

  private H2KillLoopWriter() {}

  /** The server's H2 URL (application.yml) for a data dir. */
  static String url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db/onenumber")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;ANALYZE_AUTO=0";
  }

  public static void main(String[] args) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    Path dir = Path.of(args[0]);
    boolean fresh = !java.nio.file.Files.exists(dir.resolve("db/onenumber.mv.db"));
    h2.setURL(url(dir));
    h2.setUser("sa");
    // held open for the JVM's life, as the server's pool holds its connections: H2 closes a database whose last
    // connection closed, and reopens it for the next
    Connection open = h2.getConnection();
    if (fresh) { // migrated once per file: Flyway's validation costs seconds at every start on a loaded machine
      Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    }
    AtomicLong next = new AtomicLong(Long.parseLong(args[1]));
    int threads = Integer.parseInt(args[2]);
    Jdbc jdbc = new Jdbc(h2, 0, Integer.parseInt(args[3]), Boolean.parseBoolean(args[4]));
    JdbcContactJournal journal = new JdbcContactJournal(jdbc, JsonMapper.createDefault());
    System.out.println("ready " + open.getMetaData().getURL().length());
    for (int t = 0; t < threads; t++) {
      Thread writer = new Thread(() -> {
        while (true) {
          long n = next.incrementAndGet();
          String contact = "kill-" + n;
          jdbc.inTransaction(() -> {
            jdbc.update("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
                + " values (?, 'caller', 'ko', true, false, false)", "cz-" + n);
            jdbc.update("insert into citizen_identity (kind, identity, citizen_id) values ('PHONE', ?, ?)",
                "+8210" + n, "cz-" + n);
            Instant at = Instant.now();
            journal.create(Contact.create(new ContactId(contact), Channel.SMS, new CitizenId("cz-" + n), Language.KOREAN,
                Set.of(), 0, "topic", at).moveTo(new ContactStep(ContactState.QUEUED, at, null,
                new QueueId("messaging-ko"), "intake")), List.of());
            return null;
          });
          synchronized (System.out) {
            System.out.println(contact);
          }
        }
      });
      writer.setDaemon(false);
      writer.start();
    }
  }
}
