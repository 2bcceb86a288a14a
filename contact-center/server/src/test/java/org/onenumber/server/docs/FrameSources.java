package org.onenumber.server.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The WebSocket frame types the server's Java sources send and accept, read from the text (comments
 * removed, line numbers kept). A frame is <em>sent</em> where the code writes one of:
 *
 * <ol>
 *   <li>{@code "type", "x"}: {@code Map.of("type", "x", …)} or {@code frame.put("type", "x")};
 *   <li>{@code frame("x"}: the agent socket's helper {@code AgentSockets.frame("x", at, …)};
 *   <li>{@code \"type\":\"x\"}: a frame written as a JSON string literal.
 * </ol>
 *
 * A frame is <em>accepted</em> where a receiving file (the socket endpoint and the class it hands
 * frames to) has {@code case "x"} or {@code "x".equals(…type…)}. Code that builds a type from
 * variables is invisible to this scan; write frame types as literals.
 */
final class FrameSources {

  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LINE_COMMENT = Pattern.compile("(?m)(^|\\s)//.*$");
  private static final List<Pattern> SENDS = List.of(
      Pattern.compile("\"type\"\\s*,\\s*\"([^\"]+)\""),
      Pattern.compile("\\bframe\\(\\s*\"([^\"]+)\""),
      Pattern.compile("\\\\\"type\\\\\"\\s*:\\s*\\\\\"([^\\\\\"]+)\\\\\""));
  private static final List<Pattern> ACCEPTS = List.of(
      Pattern.compile("\\bcase\\s+\"([^\"]+)\"\\s*(?:->|:|,)"),
      Pattern.compile("\"([^\"]+)\"\\.equals\\([^)]*type"));
  private static final Pattern SOCKET = Pattern.compile("@ServerWebSocket\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"");

  private final Path sources;

  /** {@code sources}: the server's {@code org/onenumber/server} source folder. */
  FrameSources(Path sources) {
    this.sources = sources;
  }

  /**
   * Frame types sent by the files of {@code packages} and by any other server file that names
   * {@code senderClass}, except files of {@code otherSockets}' packages; each with its first
   * {@code file:line}.
   */
  Map<String, String> sentTypes(List<String> packages, String senderClass, List<String> otherSockets) {
    Map<String, String> found = new TreeMap<>();
    for (Path file : javaFiles()) {
      String pkg = sources.relativize(file.getParent()).toString().replace('\\', '/');
      String text = read(file);
      boolean mine = packages.contains(pkg)
          || !otherSockets.contains(pkg) && text.contains(senderClass) && !file.getFileName().toString().equals(senderClass + ".java");
      if (mine) {
        sends(text).forEach((type, line) -> found.putIfAbsent(type, location(file, line)));
      }
    }
    return found;
  }

  /** Frame types accepted by {@code files} (relative to the source folder), each with its first {@code file:line}. */
  Map<String, String> acceptedTypes(List<String> files) {
    Map<String, String> found = new TreeMap<>();
    for (String name : files) {
      Path file = existing(name);
      accepts(read(file)).forEach((type, line) -> found.putIfAbsent(type, location(file, line)));
    }
    return found;
  }

  /** The {@code @ServerWebSocket} address declared in one of {@code files}. */
  String socketAddress(List<String> files) {
    for (String name : files) {
      Matcher m = SOCKET.matcher(read(existing(name)));
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("none of " + files + " declares @ServerWebSocket; update AsyncApiFramesTest.SOCKETS");
  }

  /** Every {@code @ServerWebSocket} address in the server, with its file. */
  Map<String, String> allSocketAddresses() {
    Map<String, String> found = new TreeMap<>();
    for (Path file : javaFiles()) {
      Matcher m = SOCKET.matcher(read(file));
      while (m.find()) {
        found.put(m.group(1), sources.relativize(file).toString());
      }
    }
    return found;
  }

  /** The sent frame types of one source text, in order of appearance, with the line of their first use. */
  static Map<String, Integer> sends(String source) {
    return find(source, SENDS);
  }

  /** The accepted frame types of one source text, in order of appearance, with the line of their first use. */
  static Map<String, Integer> accepts(String source) {
    return find(source, ACCEPTS);
  }

  private static Map<String, Integer> find(String source, List<Pattern> patterns) {
    String code = withoutComments(source);
    Map<Integer, String> byPosition = new TreeMap<>();
    for (Pattern pattern : patterns) {
      Matcher m = pattern.matcher(code);
      while (m.find()) {
        byPosition.putIfAbsent(m.start(1), m.group(1));
      }
    }
    Map<String, Integer> found = new LinkedHashMap<>();
    byPosition.forEach((position, type) -> found.putIfAbsent(type, lineOf(code, position)));
    return found;
  }

  /** The source with comments blanked out, keeping every line break so line numbers stay true. */
  private static String withoutComments(String source) {
    String noBlocks = BLOCK_COMMENT.matcher(source).replaceAll(m -> m.group().replaceAll("[^\n]", " "));
    return LINE_COMMENT.matcher(noBlocks).replaceAll("$1");
  }

  private static int lineOf(String text, int position) {
    int line = 1;
    for (int i = 0; i < position; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private String location(Path file, int line) {
    return sources.relativize(file).toString().replace('\\', '/') + ":" + line;
  }

  private Path existing(String name) {
    Path file = sources.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(file + " does not exist; update AsyncApiFramesTest.SOCKETS");
    }
    return file;
  }

  private List<Path> javaFiles() {
    try (Stream<Path> files = Files.walk(sources)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
