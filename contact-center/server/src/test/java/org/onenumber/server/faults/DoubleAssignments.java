package org.onenumber.server.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts, from the journal ({@code contact_step}), the contacts that were offered to or held by
 * two operators at once. Each contact's steps are walked in order with its holder:
 *
 * <ol>
 *   <li>{@code OFFERED}, {@code CONNECTED}, {@code HELD} or {@code WRAP_UP} naming an operator: if
 *       another operator holds the contact, it is double assigned; the named one holds it now.
 *   <li>Any other step ({@code QUEUED}, {@code TRANSFERRED}, {@code CLOSED}, {@code ABANDONED},
 *       a restart's return to the line…): nobody holds it.
 * </ol>
 *
 * <p>So a contact handed on properly (declined, timed out, transferred, re-offered after a
 * restart) passes; one offered to B while A's offer or call is still open does not. The fault
 * load does no consult transfers (the one step that moves a call from one operator to another
 * directly).
 */
final class DoubleAssignments {

  private static final Set<String> HOLDING = Set.of("OFFERED", "CONNECTED", "HELD", "WRAP_UP");

  private DoubleAssignments() {}

  /** One row of {@code contact_step}, in the order of {@code (contact_id, seq)}. */
  record Step(String contact, String state, String agent) {}

  static int count(Connection c) throws SQLException {
    List<Step> steps = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "select contact_id, state, agent_id from contact_step order by contact_id, seq");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        steps.add(new Step(rows.getString(1), rows.getString(2), rows.getString(3)));
      }
    }
    return count(steps);
  }

  /** The walk of the class comment over steps ordered by contact, then sequence. */
  static int count(List<Step> steps) {
    Map<String, String> holder = new HashMap<>();
    Set<String> doubled = new HashSet<>();
    for (Step step : steps) {
      if (HOLDING.contains(step.state()) && step.agent() != null) {
        String before = holder.put(step.contact(), step.agent());
        if (before != null && !before.equals(step.agent())) {
          doubled.add(step.contact());
        }
      } else {
        holder.remove(step.contact());
      }
    }
    return doubled.size();
  }
}
