package org.onenumber.server.reform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.onenumber.core.casework.Case;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.reform.BeforeAfter;
import org.onenumber.core.reform.ReformLadder;
import org.onenumber.core.reform.ReformTask;

/** A reform task as the API shows it: its fields, the step's name, history and before/after figures. */
final class ReformViews {

  private ReformViews() {}

  static Map<String, Object> task(ReformTask t, ReformLadder ladder, BeforeAfter figures) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", t.id());
    row.put("issue", t.issue());
    row.put("type", t.type());
    row.put("cause", t.cause().name());
    row.put("title", t.title());
    row.put("owner", t.owner());
    row.put("due", t.due().toString());
    row.put("step", t.step());
    row.put("stepName", ladder.steps().size() >= t.step() ? ladder.name(t.step()) : String.valueOf(t.step()));
    row.put("status", t.closed() ? "CLOSED" : "OPEN");
    row.put("fixedAt", t.fixedAt().toString());
    if (t.closedAt() != null) {
      row.put("closedAt", t.closedAt().toString());
    }
    row.put("history", t.history().stream().map(e -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("step", e.step());
      entry.put("what", e.what());
      entry.put("author", e.author());
      entry.put("at", e.at().toString());
      if (e.note() != null) {
        entry.put("note", e.note());
      }
      return entry;
    }).toList());
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("windowDays", figures.window().toDays());
    ba.put("before", figures.before());
    ba.put("after", figures.after());
    ba.put("beforePerDay", figures.beforePerDay());
    ba.put("afterPerDay", figures.afterPerDay());
    ba.put("change", figures.change());
    row.put("beforeAfter", ba);
    return row;
  }

  /** A contact as the reform board lists it: no citizen, no words. */
  static Map<String, Object> contact(Contact c) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", c.id().value());
    row.put("createdAt", c.createdAt().toString());
    row.put("channel", c.channel().name());
    row.put("language", c.language().code());
    row.put("state", c.state().name());
    return row;
  }

  /** A case as the reform board lists it: no citizen, no words. */
  static Map<String, Object> caseRow(Case c) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", c.id().value());
    row.put("openedAt", c.openedAt().toString());
    row.put("department", c.department().value());
    row.put("status", c.status().name());
    return row;
  }
}
