package org.onenumber.knowledge.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.postgresql.PGConnection;

/**
 * The baseline: the same answers in PostgreSQL full-text search, the way a team without Lucene
 * would build it.
 *
 * <ol>
 *   <li>One row per answer; {@code tsv} = title (weight A) + keywords (B) + body (C), each
 *       through the language's text-search configuration (english, german, swedish; simple for
 *       Korean and Polish, which PostgreSQL does not ship).
 *   <li>A GIN index on {@code tsv}.
 *   <li>A query is turned into an OR of its words (as Lucene's query is), through the english,
 *       german, swedish and simple configurations for Latin text and simple for Hangul, filtered
 *       to published answers, ranked by {@code ts_rank}, top 10.
 * </ol>
 *
 * Thread-safety: one {@link Searcher} (connection and prepared statement) per client thread.
 */
final class PostgresFts {

  private static final String QUERY = """
      SELECT a.external_id FROM bench_answers a,
        (SELECT (replace((CASE WHEN ? THEN plainto_tsquery('simple', ?)
                    ELSE plainto_tsquery('english', ?) || plainto_tsquery('german', ?)
                         || plainto_tsquery('swedish', ?) || plainto_tsquery('simple', ?) END)::text,
                  ' & ', ' | '))::tsquery AS q) query
      WHERE a.status = 'PUBLISHED' AND a.tsv @@ query.q
      ORDER BY ts_rank(a.tsv, query.q) DESC LIMIT 10""";

  private final String url;
  private final String user;
  private final String password;

  PostgresFts(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Drops and reloads the table, computes the vectors, builds the GIN index. */
  void load(List<Answer> answers) throws SQLException, IOException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_answers");
      s.execute("""
          CREATE UNLOGGED TABLE bench_answers (id text PRIMARY KEY, external_id text, language text,
            department text, category text, status text, title text, keywords text, body text, tsv tsvector)""");
      StringBuilder copy = new StringBuilder(answers.size() * 600);
      for (Answer a : answers) {
        AnswerContent ct = a.content();
        copy.append(esc(a.id().value())).append('\t').append(esc(ct.externalId())).append('\t')
            .append(esc(ct.language().code())).append('\t').append(esc(ct.department())).append('\t')
            .append(esc(ct.category())).append('\t').append(a.status().name()).append('\t')
            .append(esc(ct.title())).append('\t').append(esc(String.join(" ", ct.keywords()))).append('\t')
            .append(esc(ct.body())).append('\n');
      }
      ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn(
          "COPY bench_answers (id, external_id, language, department, category, status, title, keywords, body) FROM STDIN",
          new StringReader(copy.toString()));
      s.execute("""
          UPDATE bench_answers SET tsv =
              setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, keywords), 'B')
              || setweight(to_tsvector(cfg, body), 'C')
            FROM (SELECT id AS rid, (CASE language WHEN 'en' THEN 'english' WHEN 'de' THEN 'german'
                   WHEN 'sv' THEN 'swedish' ELSE 'simple' END)::regconfig AS cfg FROM bench_answers) c
           WHERE id = c.rid""");
      s.execute("CREATE INDEX bench_answers_tsv ON bench_answers USING gin (tsv)");
      s.execute("VACUUM ANALYZE bench_answers");
    }
  }

  private static String esc(String v) {
    if (v == null) {
      return "\\N";
    }
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  /** One client: a connection and its prepared query. Not thread-safe. */
  final class Searcher implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;

    Searcher() throws SQLException {
      connection = connect();
      statement = connection.prepareStatement(QUERY);
    }

    List<String> search(String text) {
      boolean hangul = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
      try {
        statement.setBoolean(1, hangul);
        for (int i = 2; i <= 6; i++) {
          statement.setString(i, text);
        }
        List<String> ids = new ArrayList<>(10);
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
        return ids;
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL search failed for '" + text + "': " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }
}
