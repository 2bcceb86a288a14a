package org.onenumber.server.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of {@code docs/api/access-policy.md} (copied into the jar at build time), read as
 * operation → role → {@code yes}, {@code own} or {@code —}, and operation → the API key scopes that
 * open it (the last column, {@code API key}: scopes separated by commas, or {@code —}). The same
 * table the access-policy tests compare the running server with, so the roles and key scopes the
 * OpenAPI document shows cannot drift either. Only the HTTP rows: the WebSocket table below them
 * has other columns (the operator's own socket; no keys).
 */
public final class AccessPolicyTable {

  /** The table's role columns, in order; the API key column follows them. */
  public static final List<String> ROLES = List.of("anonymous", "operator", "staff", "supervisor", "admin", "analyst",
      "monitor");
  private static final Pattern ROW = Pattern.compile("^\\| `((?:GET|POST|PUT|DELETE|PATCH) [^`]+)` \\|(.*)\\|\\s*$");

  private AccessPolicyTable() {}

  /** Every row by {@code "METHOD /path"}: the cell of each role. */
  public static Map<String, Map<String, String>> parse(String markdown) {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    cells(markdown).forEach((operation, cells) -> {
      Map<String, String> byRole = new LinkedHashMap<>();
      for (int i = 0; i < ROLES.size(); i++) {
        byRole.put(ROLES.get(i), cells[i]);
      }
      rows.put(operation, byRole);
    });
    return rows;
  }

  /** Every row by {@code "METHOD /path"}: the API key scopes that open it (empty: a key opens nothing there). */
  public static Map<String, List<String>> keyScopes(String markdown) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    cells(markdown).forEach((operation, cells) -> rows.put(operation, scopes(cells[ROLES.size()])));
    return rows;
  }

  /** The scopes of one API key cell: {@code `cases:read`, `open311:write`} or {@code —}. */
  public static List<String> scopes(String cell) {
    String text = cell.replace("`", "").strip();
    return text.equals("—") || text.isEmpty() ? List.of()
        : Arrays.stream(text.split(",")).map(String::strip).toList();
  }

  private static Map<String, String[]> cells(String markdown) {
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (String line : markdown.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      String[] cells = row.group(2).split("\\|");
      if (cells.length != ROLES.size() + 1) {
        throw new IllegalArgumentException("access policy row with " + cells.length + " cells (" + ROLES.size()
            + " roles and the API key column): " + row.group(1));
      }
      rows.put(row.group(1), Arrays.stream(cells).map(String::strip).toArray(String[]::new));
    }
    return rows;
  }
}
