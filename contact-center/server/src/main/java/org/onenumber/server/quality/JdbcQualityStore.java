package org.onenumber.server.quality;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.onenumber.core.quality.Evaluation;
import org.onenumber.core.quality.EvaluationForm;
import org.onenumber.server.persistence.Jdbc;

/**
 * Evaluation forms and evaluations ({@code quality_form}, {@code quality_evaluation}, V282; criteria
 * and points joined by ';', so codes and names carry neither ';' nor '|', see the controller). An
 * evaluator scoring a contact again on the same form replaces their earlier scores. Thread-safe.
 */
@Singleton
final class JdbcQualityStore {

  private final Jdbc jdbc;

  JdbcQualityStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  List<EvaluationForm> forms() {
    return jdbc.query("select * from quality_form order by id", row -> new EvaluationForm(row.getString("id"),
        row.getString("name"), row.getInt("max_points"), criteria(row.getString("criteria"))));
  }

  Optional<EvaluationForm> form(String id) {
    return forms().stream().filter(f -> f.id().equals(id)).findFirst();
  }

  void saveForm(EvaluationForm f) {
    String criteria = f.criteria().stream().map(c -> c.code() + "|" + c.name() + "|" + c.weight())
        .collect(Collectors.joining(";"));
    jdbc.inTransaction(() -> {
      if (jdbc.update("update quality_form set name = ?, max_points = ?, criteria = ? where id = ?", f.name(),
          f.maxPoints(), criteria, f.id()) == 0) {
        jdbc.update("insert into quality_form (id, name, max_points, criteria) values (?, ?, ?, ?)", f.id(), f.name(),
            f.maxPoints(), criteria);
      }
      return null;
    });
  }

  void save(Evaluation e) {
    String points = e.points().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(";"));
    jdbc.inTransaction(() -> {
      jdbc.update("delete from quality_evaluation where form_id = ? and contact_id = ? and evaluator = ?", e.form(),
          e.contact(), e.evaluator());
      jdbc.update("insert into quality_evaluation (form_id, contact_id, operator, evaluator, points, percent, at)"
          + " values (?, ?, ?, ?, ?, ?, ?)", e.form(), e.contact(), e.operator(), e.evaluator(), points, e.percent(),
          e.at());
      return null;
    });
  }

  List<Evaluation> ofContact(String contact) {
    return evaluations("contact_id = ?", contact);
  }

  List<Evaluation> ofOperator(String operator) {
    return evaluations("operator = ?", operator);
  }

  /** Closed chat/SMS/WhatsApp contacts an operator handled since {@code since}, optionally one operator's. */
  List<String> sampleable(Instant since, String operator) {
    return jdbc.query("select id from contact where state = 'CLOSED' and agent_id is not null and channel in"
        + " ('CHAT', 'SMS', 'WHATSAPP') and created_at >= ?" + (operator == null ? "" : " and agent_id = ?")
        + " order by id", row -> row.getString("id"), operator == null ? new Object[] {since}
        : new Object[] {since, operator});
  }

  private List<Evaluation> evaluations(String where, String value) {
    return jdbc.query("select * from quality_evaluation where " + where + " order by at, evaluator", row ->
        new Evaluation(row.getString("form_id"), row.getString("contact_id"), row.getString("operator"),
            row.getString("evaluator"), points(row.getString("points")), row.getDouble("percent"),
            Jdbc.instant(row, "at")), value);
  }

  private static List<EvaluationForm.Criterion> criteria(String lines) {
    return Arrays.stream(lines.split(";")).map(l -> l.split("\\|"))
        .map(p -> new EvaluationForm.Criterion(p[0], p[1], Double.parseDouble(p[2]))).toList();
  }

  private static Map<String, Integer> points(String lines) {
    Map<String, Integer> points = new LinkedHashMap<>();
    Arrays.stream(lines.split(";")).map(l -> l.split("=")).forEach(p -> points.put(p[0], Integer.parseInt(p[1])));
    return points;
  }
}
