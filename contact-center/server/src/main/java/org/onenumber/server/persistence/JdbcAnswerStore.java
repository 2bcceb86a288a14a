package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerVersion;
import org.onenumber.core.knowledge.Audience;
import org.onenumber.core.knowledge.Facility;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.core.knowledge.ValidityPeriod;
import org.onenumber.core.port.out.AnswerStore;

/**
 * Answers on tables {@code answer} (current version) and {@code answer_version} (every version).
 * A save updates only when the stored version is older (optimistic concurrency), else inserts;
 * both writes join the caller's transaction. Thread-safe.
 */
@Singleton
public final class JdbcAnswerStore implements AnswerStore {

  private static final String CONTENT = "status, title, body, language, department, category, keywords, synonyms,"
      + " audience, valid_from, valid_until, facility_lat, facility_lon, facility_address, facility_hours,"
      + " facility_type, external_id, author, changed_at";
  private static final int SCAN_PAGE = 500;

  private final Jdbc jdbc;

  public JdbcAnswerStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(Answer answer, String change) {
    jdbc.inTransaction(() -> {
      Object[] content = content(answer);
      int updated = jdbc.update("update answer set version = ?, " + CONTENT.replace(",", " = ?,") + " = ?"
          + " where id = ? and version < ?", concat(new Object[] {answer.version()}, content,
              new Object[] {answer.id().value(), answer.version()}));
      if (updated == 0) {
        Optional<Integer> stored = jdbc.queryOne("select version from answer where id = ?", r -> r.getInt(1),
            answer.id().value());
        if (stored.isPresent()) {
          throw new IllegalTransitionException("answer " + answer.id() + " version", stored.get(), answer.version());
        }
        jdbc.update("insert into answer (id, version, " + CONTENT + ") values (?, ?" + ", ?".repeat(19) + ")",
            concat(new Object[] {answer.id().value(), answer.version()}, content));
      }
      jdbc.update("insert into answer_version (answer_id, version, change_kind, " + CONTENT + ") values (?, ?, ?"
          + ", ?".repeat(19) + ")", concat(new Object[] {answer.id().value(), answer.version(), change}, content));
      return null;
    });
  }

  @Override
  public Optional<Answer> find(AnswerId id) {
    return jdbc.queryOne("select * from answer where id = ?", JdbcAnswerStore::read, id.value());
  }

  @Override
  public Optional<Answer> findByExternalId(String externalId) {
    return jdbc.queryOne("select * from answer where external_id = ?", JdbcAnswerStore::read, externalId);
  }

  @Override
  public List<AnswerVersion> history(AnswerId id) {
    return jdbc.query("select answer_id as id, v.* from answer_version v where answer_id = ? order by version",
        r -> new AnswerVersion(read(r), r.getString("change_kind")), id.value());
  }

  @Override
  public long count() {
    return jdbc.queryOne("select count(*) from answer", r -> r.getLong(1)).orElse(0L);
  }

  @Override
  public void forEach(Consumer<Answer> each) {
    String after = "";
    List<Answer> page;
    do {
      page = jdbc.query("select * from answer where id > ? order by id limit ?", JdbcAnswerStore::read, after, SCAN_PAGE);
      page.forEach(each);
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).id().value();
      }
    } while (page.size() == SCAN_PAGE);
  }

  @Override
  public List<Answer> publishedEndedBy(Instant at, int limit) {
    return jdbc.query("select * from answer where status = ? and valid_until <= ? order by id limit ?",
        JdbcAnswerStore::read, ReviewStatus.PUBLISHED.name(), at, limit);
  }

  private static Object[] content(Answer a) {
    AnswerContent c = a.content();
    Facility f = c.facility();
    return new Object[] {a.status().name(), c.title(), c.body(), c.language().code(), c.department(), c.category(),
        String.join("\n", c.keywords()), String.join("\n", c.synonyms()), c.audience().name(),
        c.validity().from(), c.validity().until(), f == null ? null : f.latitude(), f == null ? null : f.longitude(),
        f == null ? null : f.address(), f == null ? null : f.openingHours(), f == null ? null : f.type(),
        c.externalId(), a.author(), a.changedAt()};
  }

  private static Object[] concat(Object[]... parts) {
    List<Object> all = new ArrayList<>();
    for (Object[] p : parts) {
      all.addAll(Arrays.asList(p));
    }
    return all.toArray();
  }

  static Answer read(ResultSet r) throws SQLException {
    String type = r.getString("facility_type");
    Facility facility = type == null ? null : new Facility(r.getDouble("facility_lat"), r.getDouble("facility_lon"),
        r.getString("facility_address"), r.getString("facility_hours"), type);
    AnswerContent content = new AnswerContent(r.getString("external_id"), r.getString("title"), r.getString("body"),
        Language.of(r.getString("language")), r.getString("department"), r.getString("category"),
        lines(r.getString("keywords")), lines(r.getString("synonyms")), Audience.valueOf(r.getString("audience")),
        new ValidityPeriod(Jdbc.instant(r, "valid_from"), Jdbc.instant(r, "valid_until")), facility);
    return new Answer(new AnswerId(r.getString("id")), content, ReviewStatus.valueOf(r.getString("status")),
        r.getInt("version"), r.getString("author"), Jdbc.instant(r, "changed_at"));
  }

  private static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
  }
}
