package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.agent.ChannelCapacity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Department;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.port.out.Directory;

/**
 * The directory on tables {@code department}, {@code work_queue} and {@code agent}. Reads come
 * from an immutable snapshot (intake asks for the queues on every contact); every write replaces
 * the snapshot after its commit. Thread-safe.
 */
@Singleton
public final class JdbcDirectory implements Directory {

  private record Snapshot(List<Department> departments, List<Queue> queues, List<Agent> agents) {}

  private final Jdbc jdbc;
  private volatile Snapshot snapshot;

  public JdbcDirectory(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Categories a department files cases under, in the order configured. */
  public List<String> categories(DepartmentId id) {
    return jdbc.queryOne("select categories from department where id = ?",
        row -> Arrays.stream(row.getString(1).split("\\|")).filter(s -> !s.isBlank()).toList(), id.value())
        .orElse(List.of());
  }

  public void save(Department d, List<String> categories) {
    jdbc.inTransaction(() -> {
      jdbc.update("delete from department where id = ?", d.id().value());
      return jdbc.update("insert into department (id, name_ko, name_en, desk_phone, case_due_seconds, categories)"
              + " values (?, ?, ?, ?, ?, ?)", d.id().value(), d.nameKo(), d.nameEn(), d.deskPhone(),
          d.defaultCaseDue().toSeconds(), String.join("|", categories));
    });
    snapshot = null;
  }

  public void save(Queue q) {
    jdbc.inTransaction(() -> {
      jdbc.update("delete from work_queue where id = ?", q.id().value());
      return jdbc.update("insert into work_queue (id, name, languages, channels, required_skills, priority,"
              + " sl_threshold_seconds) values (?, ?, ?, ?, ?, ?, ?)", q.id().value(), q.name(),
          Columns.join(q.languages()), Columns.join(q.channels()), Columns.skills(q.requiredSkills()), q.priority(),
          (int) q.serviceLevelThreshold().toSeconds());
    });
    snapshot = null;
  }

  public void save(Agent a) {
    jdbc.inTransaction(() -> {
      int updated = jdbc.update("update agent set name = ?, skills = ?, languages = ?, max_messaging = ?, queues = ?,"
              + " state = ?, break_reason = ? where id = ?", a.name(), Columns.skills(a.skills()),
          Columns.join(a.languages()), a.capacity().maxMessaging(), Columns.join(a.queues()), a.state().name(),
          a.breakReason(), a.id().value());
      return updated > 0 ? updated : jdbc.update("insert into agent (id, name, skills, languages, max_messaging,"
              + " queues, state, break_reason) values (?, ?, ?, ?, ?, ?, ?, ?)", a.id().value(), a.name(),
          Columns.skills(a.skills()), Columns.join(a.languages()), a.capacity().maxMessaging(),
          Columns.join(a.queues()), a.state().name(), a.breakReason());
    });
    snapshot = null;
  }

  /**
   * Drops the snapshot so the next read reloads. Writers inside a longer transaction call this
   * again after their commit, since a reader may have cached the pre-commit state meanwhile.
   */
  public void invalidate() {
    snapshot = null;
  }

  @Override
  public List<Department> departments() {
    return current().departments();
  }

  @Override
  public Optional<Department> department(DepartmentId id) {
    return departments().stream().filter(d -> d.id().equals(id)).findFirst();
  }

  @Override
  public List<Queue> queues() {
    return current().queues();
  }

  @Override
  public Optional<Queue> queue(QueueId id) {
    return queues().stream().filter(q -> q.id().equals(id)).findFirst();
  }

  @Override
  public List<Agent> agents() {
    return current().agents();
  }

  @Override
  public Optional<Agent> agent(AgentId id) {
    return agents().stream().filter(a -> a.id().equals(id)).findFirst();
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null) {
      s = new Snapshot(jdbc.query("select * from department order by id", JdbcDirectory::department),
          jdbc.query("select * from work_queue order by id", JdbcDirectory::queue),
          jdbc.query("select * from agent order by id", JdbcDirectory::agent));
      snapshot = s;
    }
    return s;
  }

  private static Department department(ResultSet row) throws SQLException {
    return new Department(new DepartmentId(row.getString("id")), row.getString("name_ko"), row.getString("name_en"),
        row.getString("desk_phone"), Duration.ofSeconds(row.getLong("case_due_seconds")));
  }

  private static Queue queue(ResultSet row) throws SQLException {
    return new Queue(new QueueId(row.getString("id")), row.getString("name"),
        Columns.split(row.getString("languages"), Language::new), Columns.split(row.getString("channels"), Channel::valueOf),
        Columns.skillList(row.getString("required_skills")), row.getInt("priority"),
        Duration.ofSeconds(row.getInt("sl_threshold_seconds")));
  }

  private static Agent agent(ResultSet row) throws SQLException {
    return new Agent(new AgentId(row.getString("id")), row.getString("name"), Columns.skills(row.getString("skills")),
        Columns.split(row.getString("languages"), Language::new), new ChannelCapacity(row.getInt("max_messaging")),
        Columns.split(row.getString("queues"), QueueId::new), AgentState.valueOf(row.getString("state")),
        row.getString("break_reason"));
  }
}
