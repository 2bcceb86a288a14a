package org.onenumber.server.faults;

import java.util.HashMap;
import java.util.Map;

/**
 * The command line of a server benchmark: {@code --name value} pairs, and the database they ask
 * for ({@code --postgres URL}, role {@code onenumber}; else the embedded H2).
 */
record BenchArgs(Map<String, String> options) {

  static BenchArgs parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return new BenchArgs(options);
  }

  int integer(String name, int otherwise) {
    return Integer.parseInt(options.getOrDefault(name, String.valueOf(otherwise)));
  }

  boolean postgres() {
    return options.containsKey("postgres");
  }

  /** Adds the PostgreSQL datasource properties to {@code properties} when asked for. */
  void database(Map<String, String> properties) {
    if (postgres()) {
      properties.putAll(Map.of("datasources.default.url", options.get("postgres"),
          "datasources.default.driver-class-name", "org.postgresql.Driver",
          "datasources.default.username", "onenumber", "datasources.default.password", "onenumber"));
    }
  }
}
