package org.onenumber.server.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/**
 * An AsyncAPI 3 document with one channel, read from the classpath (the bytes the server serves),
 * and what the frame test needs from it: the channel address, and the frame {@code type}s of the
 * messages of its {@code send} and {@code receive} operations ({@code payload.properties.type.const}).
 * Local {@code $ref}s ({@code #/...}) are followed.
 */
final class AsyncApiDocument {

  private final String resource;
  private final Map<String, Object> root;

  private AsyncApiDocument(String resource, Map<String, Object> root) {
    this.resource = resource;
    this.root = root;
  }

  static AsyncApiDocument load(String resource) {
    try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError(resource + " is not on the classpath (src/main/resources)");
      }
      return new AsyncApiDocument(resource, new Yaml().load(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one channel's address. */
  String address() {
    return (String) channel().get("address");
  }

  /** The frame types of the messages of every operation with this {@code action} ({@code send}, {@code receive}). */
  Set<String> types(String action) {
    Set<String> types = new TreeSet<>();
    for (Object operation : map(root, "operations").values()) {
      Map<String, Object> op = cast(operation);
      if (action.equals(op.get("action"))) {
        for (Object message : list(op, "messages")) {
          types.add(frameType(cast(resolve(message))));
        }
      }
    }
    return types;
  }

  /**
   * What makes the document unusable: not version 3, not exactly one channel, an operation on
   * another channel or with an unknown action, a channel message no operation uses, a message
   * without a summary or without a constant {@code type}.
   */
  List<String> structureProblems() {
    List<String> problems = new ArrayList<>();
    if (!String.valueOf(root.get("asyncapi")).startsWith("3.")) {
      problems.add("asyncapi is " + root.get("asyncapi") + ", expected 3.x");
    }
    Map<String, Object> channels = map(root, "channels");
    if (channels.size() != 1) {
      problems.add("expected exactly one channel, found " + channels.keySet());
      return problems;
    }
    String channelName = channels.keySet().iterator().next();
    Set<Object> used = new java.util.HashSet<>();
    for (Map.Entry<String, Object> operation : map(root, "operations").entrySet()) {
      Map<String, Object> op = cast(operation.getValue());
      if (!Set.of("send", "receive").contains(op.get("action"))) {
        problems.add("operation " + operation.getKey() + " has action " + op.get("action"));
      }
      if (!("#/channels/" + channelName).equals(map(op, "channel").get("$ref"))) {
        problems.add("operation " + operation.getKey() + " is not on channel " + channelName);
      }
      for (Object message : list(op, "messages")) {
        used.add(cast(message).get("$ref"));
      }
    }
    for (String message : map(channel(), "messages").keySet()) {
      String ref = "#/channels/" + channelName + "/messages/" + message;
      if (!used.contains(ref)) {
        problems.add("channel message " + message + " is in no operation");
      }
      Map<String, Object> resolved = cast(resolve(map(channel(), "messages").get(message)));
      if (resolved.get("summary") == null) {
        problems.add("message " + message + " has no summary");
      }
      try {
        frameType(resolved);
      } catch (AssertionError e) {
        problems.add("message " + message + ": " + e.getMessage());
      }
    }
    return problems;
  }

  private Map<String, Object> channel() {
    return cast(map(root, "channels").values().iterator().next());
  }

  private String frameType(Map<String, Object> message) {
    Map<String, Object> payload = cast(resolve(message.get("payload")));
    Map<String, Object> properties = payload == null ? null : cast(payload.get("properties"));
    Map<String, Object> type = properties == null ? null : cast(resolve(properties.get("type")));
    if (type == null || !(type.get("const") instanceof String constant)) {
      throw new AssertionError("payload has no properties.type.const");
    }
    return constant;
  }

  /** Follows {@code {$ref: '#/a/b'}} within the document until a node that is not a reference. */
  private Object resolve(Object node) {
    for (int hops = 0; node instanceof Map<?, ?> m && m.get("$ref") instanceof String ref; hops++) {
      if (!ref.startsWith("#/") || hops > 10) {
        throw new AssertionError(resource + ": cannot follow $ref " + ref);
      }
      Object target = root;
      for (String part : ref.substring(2).split("/")) {
        target = target instanceof Map<?, ?> t ? t.get(part.replace("~1", "/").replace("~0", "~")) : null;
      }
      if (target == null) {
        throw new AssertionError(resource + ": $ref " + ref + " points nowhere");
      }
      node = target;
    }
    return node;
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? Map.of() : cast(value);
  }

  private static List<Object> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? List.of() : castList(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object value) {
    return (List<Object>) value;
  }
}
