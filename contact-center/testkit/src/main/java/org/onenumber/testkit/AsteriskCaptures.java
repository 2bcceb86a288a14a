package org.onenumber.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Asterisk 22 wire recordings in {@code shared/data/asterisk/} (see its README): the
 * FastAGI environment block of {@code 00-agi-environment.txt} and, per scenario file, each command
 * the recorded FastAGI script sent with the reply lines Asterisk gave. Found through {@link
 * SharedData}; a test without them fails saying so.
 */
public final class AsteriskCaptures {

  /** One AGI command as sent (unquoted, as the recording client wrote it) and Asterisk's reply lines. */
  public record Exchange(String command, List<String> replies) {}

  private static final Map<String, List<Exchange>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private AsteriskCaptures() {}

  public static Path folder() {
    return SharedData.file("asterisk/00-agi-environment.txt").getParent();
  }

  /** The {@code agi_*} block of the first call in capture 01, as ordered key/value pairs. */
  public static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : read(folder().resolve("00-agi-environment.txt")).split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        env.put(line.substring(0, colon), line.substring(colon + 1).strip());
      }
    }
    return env;
  }

  /** The FastAGI commands and replies of a scenario, e.g. {@code "01-inbound-answered"}. */
  public static List<Exchange> exchanges(String scenario) {
    return CACHE.computeIfAbsent(scenario, AsteriskCaptures::load);
  }

  private static List<Exchange> load(String scenario) {
    List<Exchange> exchanges = new ArrayList<>();
    String command = null;
    List<String> replies = new ArrayList<>();
    for (String json : read(folder().resolve(scenario + ".jsonl")).split("\n")) {
      if (json.isBlank() || !json.contains("\"link\": \"agi\"")) {
        continue;
      }
      String text = JsonLine.text(json);
      if (text.startsWith("agi_") || text.isEmpty()) {
        continue;
      }
      if (json.contains("\"dir\": \"out\"")) {
        if (command != null) {
          exchanges.add(new Exchange(command, List.copyOf(replies)));
        }
        command = text.strip();
        replies = new ArrayList<>();
      } else if (command != null) {
        replies.add(text.strip());
      }
    }
    if (command != null) {
      exchanges.add(new Exchange(command, List.copyOf(replies)));
    }
    return List.copyOf(exchanges);
  }

  /** The reply lines Asterisk gave to the first command of {@code scenario} starting with {@code prefix}. */
  public static List<String> replies(String scenario, String prefix) {
    return exchanges(scenario).stream().filter(e -> e.command().startsWith(prefix)).findFirst()
        .orElseThrow(() -> new IllegalStateException(scenario + " has no AGI command " + prefix)).replies();
  }

  /** The first reply line, see {@link #replies}. */
  public static String reply(String scenario, String prefix) {
    return replies(scenario, prefix).get(0);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Asterisk capture " + file, e);
    }
  }

  /** Reads the {@code text} string of one capture line (flat JSON, string escapes only). */
  private static final class JsonLine {
    static String text(String json) {
      int start = json.indexOf("\"text\": \"");
      if (start < 0) {
        return "";
      }
      StringBuilder out = new StringBuilder();
      for (int i = start + 9; i < json.length(); i++) {
        char c = json.charAt(i);
        if (c == '"') {
          break;
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = json.charAt(++i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      }
      return out.toString();
    }
  }
}
