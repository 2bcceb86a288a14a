package org.onenumber.testkit.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario of {@code shared/data/asterisk/} (e.g. {@code 01-inbound-answered}): its wire
 * messages in file order. Only the keys the recordings use are read ({@code t}, {@code link},
 * {@code dir}, {@code text}, {@code close}); see that folder's README for their meaning.
 */
public record AsteriskCapture(String name, List<Message> messages) {

  /** One wire message; {@code close} marks the end of a TCP connection instead of text. */
  public record Message(double t, String link, boolean in, String text, boolean close) {

    public boolean ami() {
      return "ami".equals(link);
    }

    /** The value of header {@code name} (AMI), or null. */
    public String header(String name) {
      for (String line : text.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }

  /** The folder holding the recordings: {@code -Donenumber.shared}, else {@code shared/} found upwards. */
  public static Path folder() {
    String configured = System.getProperty("onenumber.shared");
    if (configured != null) {
      return Path.of(configured, "data/asterisk");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/asterisk");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("these tests need the Asterisk 22 recordings shared/data/asterisk/*.jsonl; "
        + "not found above " + Path.of("").toAbsolutePath() + " (set -Donenumber.shared=/path/to/shared)");
  }

  /** Loads scenario {@code name} (file name without {@code .jsonl}). */
  public static AsteriskCapture load(String name) {
    Path file = folder().resolve(name + ".jsonl");
    try {
      List<Message> messages = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          messages.add(parse(line));
        }
      }
      return new AsteriskCapture(name, List.copyOf(messages));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The AMI messages only. */
  public List<Message> ami() {
    return messages.stream().filter(Message::ami).toList();
  }

  private static Message parse(String line) {
    FlatJson json = new FlatJson(line);
    return new Message(json.number("t"), json.string("link"), "in".equals(json.string("dir")),
        json.string("text"), json.bool("close"));
  }
}
