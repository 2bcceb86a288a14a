package org.onenumber.server.console;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.server.persistence.Jdbc;

/**
 * Notes on a contact that never reach the citizen ({@code contact_note}): an operator's internal
 * notes, the wrap-up note given with the outcome, and a supervisor's whispers. Thread-safe.
 */
@Singleton
public final class JdbcContactNotes {

  static final int MAX_LENGTH = 4000;

  /** What a note is: written by the operator, given with the wrap-up, or whispered by a supervisor. */
  public enum Kind { NOTE, WRAP_UP, WHISPER }

  @Serdeable
  public record Note(String contactId, String kind, String author, String body, Instant at) {}

  private final Jdbc jdbc;
  private final InstantSource clock;

  JdbcContactNotes(Jdbc jdbc, InstantSource clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores a note; blank or over-long bodies are refused (400). */
  public Note add(ContactId contact, Kind kind, String author, String body) {
    String text = InvalidInputException.requireText(body, "body").strip();
    if (text.length() > MAX_LENGTH) {
      throw new InvalidInputException("body must be at most " + MAX_LENGTH + " characters");
    }
    Instant at = clock.instant();
    jdbc.update("insert into contact_note (contact_id, kind, author, body, at) values (?, ?, ?, ?, ?)",
        contact.value(), kind.name(), author, text, at);
    return new Note(contact.value(), kind.name(), author, text, at);
  }

  /** The contact's notes, oldest first. */
  public List<Note> of(ContactId contact) {
    return jdbc.query("select * from contact_note where contact_id = ? order by at, id", row -> new Note(
        row.getString("contact_id"), row.getString("kind"), row.getString("author"), row.getString("body"),
        Jdbc.instant(row, "at")), contact.value());
  }
}
