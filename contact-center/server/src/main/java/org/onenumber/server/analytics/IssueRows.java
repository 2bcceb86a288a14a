package org.onenumber.server.analytics;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onenumber.core.analytics.CategoryTree;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.analytics.EmergingIssue;
import org.onenumber.core.analytics.IssueKeys;
import org.onenumber.core.analytics.SurveillanceSettings;

/**
 * An emerging issue as the API and the pushed alerts show it: kind, key, the type's names and
 * department for a burst, the centre of a cell or area, counts against the baseline. Stateless.
 */
@Singleton
public final class IssueRows {

  private final CategoryTree tree;
  private final SurveillanceSettings settings;

  IssueRows(CategoryTree tree, SurveillanceSettings settings) {
    this.tree = tree;
    this.settings = settings;
  }

  /** The department of a burst's type; "" for a hotspot cell or a key outside the tree. */
  public String departmentOf(EmergingIssue i) {
    int at = i.key().indexOf('@');
    return at < 0 ? "" : tree.find(i.key().substring(0, at)).map(ComplaintType::department).orElse("");
  }

  public Map<String, Object> issue(EmergingIssue i) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("kind", i.kind().name());
    row.put("key", i.key());
    int at = i.key().indexOf('@');
    if (at > 0) {
      tree.find(i.key().substring(0, at)).ifPresent(t -> {
        row.put("type", t.code());
        row.put("nameKo", t.nameKo());
        row.put("nameEn", t.nameEn());
        row.put("department", t.department());
      });
    }
    if (i.key().startsWith("cell:") || i.key().contains("@area:")) {
      double[] c = IssueKeys.centre(i.key(), i.key().startsWith("cell:") ? settings.cellDegrees() : settings.areaDegrees());
      row.put("latitude", c[0]);
      row.put("longitude", c[1]);
    }
    row.put("periodStart", i.periodStart().toString());
    row.put("at", i.at().toString());
    row.put("count", i.count());
    row.put("baseline", Math.round(i.baseline() * 100) / 100.0);
    row.put("pValue", i.pValue());
    return row;
  }
}
