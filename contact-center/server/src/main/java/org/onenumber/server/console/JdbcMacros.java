package org.onenumber.server.console;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.server.persistence.Jdbc;

/**
 * Canned responses ({@code macro}): per language, for every department (no department) or one.
 * Bodies may use {@code {citizenName}}, {@code {caseNumber}} and {@code {operatorName}}; any other
 * {@code {name}} is refused so a typo never reaches a citizen. Thread-safe.
 */
@Singleton
public final class JdbcMacros {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]*)}");
  private static final List<String> VARIABLES = List.of("citizenName", "caseNumber", "operatorName");

  @Serdeable
  public record Macro(String id, String title, String body, String language, String department, String updatedBy,
      Instant updatedAt) {}

  private final Jdbc jdbc;
  private final InstantSource clock;

  JdbcMacros(Jdbc jdbc, InstantSource clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Macros for a language: those for every department, and the department's own when given. */
  public List<Macro> find(String language, String department) {
    String code = Language.of(InvalidInputException.requireText(language, "language")).code();
    return jdbc.query("select * from macro where language = ? and (department is null or department = ?)"
        + " order by department nulls first, title", JdbcMacros::row, code, department);
  }

  /** Every macro of every language and department, for the supervisors' management page. */
  public List<Macro> all() {
    return jdbc.query("select * from macro order by language, department nulls first, title", JdbcMacros::row);
  }

  public Optional<Macro> get(String id) {
    return jdbc.queryOne("select * from macro where id = ?", JdbcMacros::row, id);
  }

  /** Creates or replaces a macro; validates id, title, body, language and variables (400). */
  public Macro put(String id, String title, String body, String language, String department, String author) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidInputException("id must be lower-case letters, digits and dashes (at most 64)");
    }
    String t = InvalidInputException.requireText(title, "title").strip();
    String b = InvalidInputException.requireText(body, "body").strip();
    if (t.length() > 200 || b.length() > 4000) {
      throw new InvalidInputException("title must be at most 200 and body at most 4000 characters");
    }
    var variables = VARIABLE.matcher(b);
    while (variables.find()) {
      if (!VARIABLES.contains(variables.group(1))) {
        throw new InvalidInputException("body uses an unknown variable; allowed: " + VARIABLES);
      }
    }
    String code = Language.of(InvalidInputException.requireText(language, "language")).code();
    String dept = department == null || department.isBlank() ? null : department.strip();
    Instant now = clock.instant();
    jdbc.inTransaction(() -> {
      jdbc.update("delete from macro where id = ?", id);
      jdbc.update("insert into macro (id, title, body, language, department, updated_by, updated_at)"
          + " values (?, ?, ?, ?, ?, ?, ?)", id, t, b, code, dept, author, now);
      return null;
    });
    return new Macro(id, t, b, code, dept, author, now);
  }

  public boolean delete(String id) {
    return jdbc.update("delete from macro where id = ?", id) > 0;
  }

  private static Macro row(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Macro(row.getString("id"), row.getString("title"), row.getString("body"), row.getString("language"),
        row.getString("department"), row.getString("updated_by"), Jdbc.instant(row, "updated_at"));
  }
}
