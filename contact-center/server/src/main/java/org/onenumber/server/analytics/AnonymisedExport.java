package org.onenumber.server.analytics;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.analytics.SmallCells;
import org.onenumber.server.persistence.Jdbc;

/**
 * The classified contacts of a period as CSV for the city's data team, anonymised: no contact or
 * citizen id, no name, phone, e-mail, topic or message text, no operator; the creation time cut to
 * the hour. One row per contact: {@value #HEADER}. {@code category} is the operator's disposition
 * ({@code source} OPERATOR) or the classifier's guess from the citizen's words (AUTOMATIC), empty
 * when neither. Small cells are suppressed ({@link SmallCells}): a row whose cell (hour, channel,
 * language, queue, category) holds fewer than {@code onenumber.analytics.export.min-cell} (k, 5)
 * contacts of the file has language, queue and category (with source, service, department)
 * blanked, and its channel too when the blanked rows of its hour and channel are still fewer than
 * k; {@code suppressed} says which rows were. Reads the database; thread-safe.
 */
@Singleton
final class AnonymisedExport {

  static final String HEADER = "created_hour,channel,language,queue,state,category,source,service,department,"
      + "wait_s,handle_s,escalated,suppressed";
  private static final int[] CELL = {0, 1, 2, 3, 5};
  private static final List<int[]> LEVELS = List.of(new int[] {2, 3, 5, 6, 7, 8}, new int[] {1});
  private final Jdbc jdbc;
  private final ContactCategories categories;
  private final int minCell;

  AnonymisedExport(Jdbc jdbc, ContactCategories categories,
      @Value("${onenumber.analytics.export.min-cell:5}") int minCell) {
    this.jdbc = jdbc;
    this.categories = categories;
    this.minCell = minCell;
  }

  /** The CSV of the contacts created in [from, to). */
  String csv(Instant from, Instant to) {
    List<String[]> rows = new ArrayList<>();
    jdbc.query("select c.created_at, c.channel, c.language, c.queue_id, c.state, c.topic, c.queued_at,"
          + " c.connected_at, c.wrap_up_at, c.closed_at, d.type_code,"
          + " (select count(*) from case_contact cc where cc.contact_id = c.id) as cases"
          + " from contact c left join contact_disposition d on d.contact_id = c.id"
          + " where c.created_at >= ? and c.created_at < ? order by c.created_at, c.id", row -> {
            String disposed = row.getString("type_code");
            String category = disposed != null ? disposed
                : categories.categoryOf(row.getString("topic")).flatMap(categories::type).map(ComplaintType::code)
                    .orElse(null);
            ComplaintType type = category == null ? null : categories.type(category).orElse(null);
            rows.add(values(Jdbc.instant(row, "created_at").truncatedTo(ChronoUnit.HOURS), row.getString("channel"),
                row.getString("language"), row.getString("queue_id"), row.getString("state"),
                type == null ? "" : type.code(), type == null ? "" : disposed != null ? "OPERATOR" : "AUTOMATIC",
                type == null ? "" : type.service(), type == null ? "" : type.department(),
                seconds(Jdbc.instant(row, "queued_at"), Jdbc.instant(row, "connected_at")),
                seconds(Jdbc.instant(row, "connected_at"), first(Jdbc.instant(row, "wrap_up_at"),
                    Jdbc.instant(row, "closed_at"))), row.getInt("cases") > 0));
            return null;
          }, from, to);
    boolean[] suppressed = SmallCells.suppress(rows, minCell, CELL, LEVELS);
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER.split(",")).get())) {
      for (int i = 0; i < rows.size(); i++) {
        String[] row = rows.get(i);
        row[row.length - 1] = String.valueOf(suppressed[i]);
        csv.printRecord((Object[]) row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** One row's values as text, the suppressed flag (false until judged) last. */
  private static String[] values(Object... values) {
    String[] row = new String[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      row[i] = values[i] == null ? "" : values[i].toString();
    }
    row[values.length] = "false";
    return row;
  }

  private static Instant first(Instant a, Instant b) {
    return a != null ? a : b;
  }

  private static String seconds(Instant from, Instant to) {
    return from == null || to == null ? "" : String.valueOf(Duration.between(from, to).toSeconds());
  }
}
