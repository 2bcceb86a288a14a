package org.onenumber.channels.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A connection that keeps every frame sent to it, for tests. */
final class RecordingPeer implements CallPeer {

  private final String id;
  final List<Map<String, Object>> frames = new ArrayList<>();

  RecordingPeer(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void send(Map<String, Object> frame) {
    frames.add(Map.copyOf(frame.entrySet().stream().filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
  }

  List<Object> types() {
    return frames.stream().map(f -> f.get("type")).toList();
  }

  Map<String, Object> last(String type) {
    return frames.stream().filter(f -> type.equals(f.get("type"))).reduce((a, b) -> b).orElseThrow();
  }
}
