package org.onenumber.testkit.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.onenumber.testkit.SharedData;

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

  /** The folder holding the recordings ({@link SharedData}). */
  public static Path folder() {
    return SharedData.file("asterisk");
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
