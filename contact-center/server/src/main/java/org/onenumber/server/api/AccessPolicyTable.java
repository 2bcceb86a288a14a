package org.onenumber.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of {@code docs/api/access-policy.md} (copied into the jar at build time), read as
 * operation → role → {@code yes}, {@code own} or {@code —}. The same table the access-policy tests
 * compare the running server with, so the roles the OpenAPI document shows cannot drift either.
 * Only the HTTP rows: the WebSocket table below them has a column more (the operator's own socket).
 */
public final class AccessPolicyTable {

  /** The table's role columns, in order. */
  public static final List<String> ROLES = List.of("anonymous", "operator", "staff", "supervisor", "admin", "analyst");
  private static final Pattern ROW = Pattern.compile("^\\| `((?:GET|POST|PUT|DELETE|PATCH) [^`]+)` \\|(.*)\\|\\s*$");

  private AccessPolicyTable() {}

  /** Every row by {@code "METHOD /path"}: the cell of each role. */
  public static Map<String, Map<String, String>> parse(String markdown) {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String line : markdown.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      String[] cells = row.group(2).split("\\|");
      if (cells.length != ROLES.size()) {
        throw new IllegalArgumentException("access policy row with " + cells.length + " role cells: " + row.group(1));
      }
      Map<String, String> byRole = new LinkedHashMap<>();
      for (int i = 0; i < cells.length; i++) {
        byRole.put(ROLES.get(i), cells[i].strip());
      }
      rows.put(row.group(1), byRole);
    }
    return rows;
  }
}
