package org.onenumber.testkit.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.onenumber.testkit.asterisk.AsteriskCapture.Message;

/**
 * Every answer a real Asterisk 22 gave to an action in the recordings, by action name: the
 * response and, for list actions, the events carrying the same ActionID up to the list's end. The
 * peer answers actions outside a scenario's script with the first recorded answer (a few with a
 * chosen one, e.g. {@code CoreShowChannels} with or without a call up).
 */
final class AmiReplies {

  /** Answers by lower-case action name, in recording order. */
  private final Map<String, List<List<String>>> byAction = new HashMap<>();

  static AmiReplies fromFolder(Path folder) {
    AmiReplies replies = new AmiReplies();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted()
          .forEach(p -> replies.add(AsteriskCapture.load(p.getFileName().toString().replace(".jsonl", ""))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return replies;
  }

  private void add(AsteriskCapture capture) {
    List<Message> ami = capture.ami();
    for (int i = 0; i < ami.size(); i++) {
      Message out = ami.get(i);
      String action = out.in() || out.close() ? null : out.header("Action");
      String id = action == null ? null : out.header("ActionID");
      if (id == null || "login".equalsIgnoreCase(action) || "logoff".equalsIgnoreCase(action)) {
        continue;
      }
      List<String> answer = new ArrayList<>();
      for (int j = i + 1; j < ami.size(); j++) {
        Message in = ami.get(j);
        if (in.in() && !in.close() && id.equals(in.header("ActionID"))) {
          answer.add(in.text());
        }
      }
      if (!answer.isEmpty()) {
        byAction.computeIfAbsent(action.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(List.copyOf(answer));
      }
    }
  }

  /** The {@code n}th recorded answer to {@code action} (the last one when fewer), or null. */
  List<String> answer(String action, int n) {
    List<List<String>> answers = byAction.get(action.toLowerCase(Locale.ROOT));
    if (answers == null) {
      return null;
    }
    return answers.get(Math.min(n, answers.size() - 1));
  }

  List<String> answer(String action) {
    return answer(action, 0);
  }
}
