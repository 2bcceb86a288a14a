package org.onenumber.server.reform;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.reform.MemberObservation;
import org.onenumber.server.persistence.Jdbc;

/**
 * The monitoring roster (members leave it by deactivation, V356, and keep their ledger), members'
 * observations and the mileage ledger (V283). Deciding an
 * observation and writing its ledger entry happen in one transaction. Thread-safe.
 */
@Singleton
final class JdbcMonitoringMembers {

  private final Jdbc jdbc;

  JdbcMonitoringMembers(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  void addMember(String id, String name, Instant at) {
    jdbc.update("insert into monitoring_member (id, name, joined_at) values (?, ?, ?)", id, name, at);
  }

  /** Adds a member with a login of their own; {@code account} creates the login in the same transaction. */
  void addMemberWithLogin(String id, String name, Instant at, String login, Runnable account) {
    jdbc.inTransaction(() -> {
      account.run();
      jdbc.update("insert into monitoring_member (id, name, joined_at, login) values (?, ?, ?, ?)", id, name, at,
          login);
      return null;
    });
  }

  /** The member whose login this is; created (named {@code name}) when the login has none yet. */
  synchronized String memberOfLogin(String login, String name, Instant at) {
    return jdbc.queryOne("select id from monitoring_member where login = ?", row -> row.getString("id"), login)
        .orElseGet(() -> {
          String id = java.util.UUID.randomUUID().toString();
          jdbc.update("insert into monitoring_member (id, name, joined_at, login) values (?, ?, ?, ?)", id, name, at,
              login);
          return id;
        });
  }

  /** One member's name, join date, balance and accepted observations. */
  Map<String, Object> summary(String member) {
    return members("where m.id = ?", member).get(0);
  }

  /** A member's login (null without one) and whether they are still on the roster. */
  record Standing(String login, boolean active) {}

  Optional<Standing> standing(String id) {
    return jdbc.queryOne("select login, deactivated_at from monitoring_member where id = ?",
        row -> new Standing(row.getString("login"), row.getObject("deactivated_at") == null), id);
  }

  /** Takes the member off the roster (kept with their ledger); false when they already left. */
  boolean deactivate(String id, String by, Instant at) {
    return jdbc.update("update monitoring_member set deactivated_at = ?, deactivated_by = ? where id = ?"
        + " and deactivated_at is null", at, by, id) == 1;
  }

  /** The member's mileage ledger: each accepted observation's points, oldest first. */
  List<Map<String, Object>> ledger(String member) {
    return jdbc.query("select e.observation_id, e.points, e.at, o.task_id, o.text from mileage_entry e"
        + " join member_observation o on o.id = e.observation_id where e.member_id = ? order by e.at, e.observation_id",
        row -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("observation", row.getString("observation_id"));
          entry.put("task", row.getString("task_id"));
          entry.put("text", row.getString("text"));
          entry.put("points", row.getInt("points"));
          entry.put("at", Jdbc.instant(row, "at").toString());
          return entry;
        }, member);
  }

  /** The roster with each member's balance and accepted observations, by join date. */
  List<Map<String, Object>> roster() {
    return members("");
  }

  private List<Map<String, Object>> members(String where, Object... args) {
    return jdbc.query("select m.id, m.name, m.joined_at, m.deactivated_at, coalesce(sum(e.points), 0) as balance,"
        + " count(e.points) as accepted from monitoring_member m left join mileage_entry e on e.member_id = m.id " + where
        + " group by m.id, m.name, m.joined_at, m.deactivated_at order by m.joined_at, m.id", row -> {
          Map<String, Object> member = new LinkedHashMap<>();
          member.put("id", row.getString("id"));
          member.put("name", row.getString("name"));
          member.put("joinedAt", Jdbc.instant(row, "joined_at").toString());
          member.put("balance", row.getInt("balance"));
          member.put("accepted", row.getInt("accepted"));
          Instant left = Jdbc.instant(row, "deactivated_at");
          member.put("active", left == null);
          if (left != null) {
            member.put("deactivatedAt", left.toString());
          }
          return member;
        }, args);
  }

  void file(MemberObservation o) {
    jdbc.update("insert into member_observation (id, member_id, task_id, text, status, points, filed_at)"
        + " values (?, ?, ?, ?, ?, ?, ?)", o.id(), o.member(), o.task(), o.text(), o.status().name(), o.points(),
        o.filedAt());
  }

  /** Stores the decision and, for an accepted observation, its ledger entry. */
  void decide(MemberObservation o) {
    jdbc.inTransaction(() -> {
      jdbc.update("update member_observation set status = ?, points = ?, decided_at = ?, decided_by = ? where id = ?",
          o.status().name(), o.points(), o.decidedAt(), o.decidedBy(), o.id());
      if (o.status() == MemberObservation.Status.ACCEPTED) {
        jdbc.update("insert into mileage_entry (member_id, observation_id, points, at) values (?, ?, ?, ?)",
            o.member(), o.id(), o.points(), o.decidedAt());
      }
      return null;
    });
  }

  Optional<MemberObservation> observation(String id) {
    return observations("id = ?", id).stream().findFirst();
  }

  List<MemberObservation> observationsOf(String member) {
    return observations("member_id = ?", member);
  }

  private List<MemberObservation> observations(String where, String value) {
    return jdbc.query("select * from member_observation where " + where + " order by filed_at, id", row ->
        new MemberObservation(row.getString("id"), row.getString("member_id"), row.getString("task_id"),
            row.getString("text"), MemberObservation.Status.valueOf(row.getString("status")), row.getInt("points"),
            Jdbc.instant(row, "filed_at"), Jdbc.instant(row, "decided_at"), row.getString("decided_by")), value);
  }
}
