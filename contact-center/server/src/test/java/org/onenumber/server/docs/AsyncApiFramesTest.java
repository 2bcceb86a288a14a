package org.onenumber.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI documents of the WebSockets ({@code src/main/resources/asyncapi}, served at
 * {@code /asyncapi/<name>.yml}) and the code agree, frame type by frame type, both ways: every
 * frame the server sends or accepts is documented in the right direction, and every documented
 * frame is in the code. The code's frame types are read from the Java sources by
 * {@link FrameSources}; the documents by {@link AsyncApiDocument}. Every {@code @ServerWebSocket} in
 * the server must have a document here, so a new socket cannot go undocumented either.
 *
 * <p>A failure names the document, the frame, the direction and the source line, e.g.
 * {@code asyncapi/chat.yml: the server sends frame 'pong' (chat/ChatEndpoint.java:70) but the
 * document has no send message with type 'pong'}: add the message to the document (payload schema
 * with {@code type: {const: pong}}, referenced from the channel and the operation), or remove the
 * frame from the code.
 */
class AsyncApiFramesTest {

  /**
   * One socket: its document, the server packages whose code sends its frames (plus any server file
   * that uses {@code senderClass}, the socket's send helper), and the files that read its frames.
   */
  record Socket(String document, List<String> senderPackages, String senderClass, List<String> receiverFiles,
      Adapter adapter) {
    Socket(String document, List<String> senderPackages, String senderClass, List<String> receiverFiles) {
      this(document, senderPackages, senderClass, receiverFiles, null);
    }
  }

  /**
   * Where a socket's protocol lives in an adapter module (the server then holds only the endpoint):
   * the module's source folder under the repository, and its packages and files as in {@link Socket}.
   */
  record Adapter(String sources, List<String> senderPackages, String senderClass, List<String> receiverFiles) {}

  static final List<Socket> SOCKETS = List.of(
      new Socket("chat", List.of("chat"), "ChatHub", List.of("chat/ChatEndpoint.java", "chat/ChatConversation.java")),
      new Socket("agents", List.of("routing"), "AgentSockets", List.of("routing/AgentSocket.java")),
      new Socket("call", List.of("call"), "SocketPeer", List.of("call/CallEndpoint.java"),
          new Adapter("channels/src/main/java/org/onenumber/channels", List.of("call"), "CallPeer",
              List.of("call/CallSignalling.java"))));

  @Test
  void everyFrameTheServerSendsOrAcceptsIsDocumentedAndEveryDocumentedFrameIsInTheCode() {
    FrameSources code = new FrameSources(Repository.server().resolve("src/main/java/org/onenumber/server"));
    List<String> problems = new ArrayList<>();
    for (Socket socket : SOCKETS) {
      AsyncApiDocument doc = AsyncApiDocument.load("asyncapi/" + socket.document() + ".yml");
      String where = "asyncapi/" + socket.document() + ".yml";
      problems.addAll(doc.structureProblems().stream().map(p -> where + ": " + p).toList());
      String address = code.socketAddress(socket.receiverFiles());
      if (!doc.address().equals(address)) {
        problems.add(where + ": channel address is '" + doc.address() + "' but the code serves '" + address + "'");
      }
      Map<String, String> sent = code.sentTypes(socket.senderPackages(), socket.senderClass(), SOCKETS.stream()
          .filter(s -> s != socket).flatMap(s -> s.senderPackages().stream()).toList());
      Map<String, String> accepted = code.acceptedTypes(socket.receiverFiles());
      if (socket.adapter() != null) {
        Adapter adapter = socket.adapter();
        FrameSources module = new FrameSources(Repository.root().resolve(adapter.sources()));
        module.sentTypes(adapter.senderPackages(), adapter.senderClass(), List.of()).forEach(sent::putIfAbsent);
        module.acceptedTypes(adapter.receiverFiles()).forEach(accepted::putIfAbsent);
      }
      compare(problems, where, "sends", sent, doc.types("send"));
      compare(problems, where, "accepts", accepted, doc.types("receive"));
    }
    Set<String> documented = SOCKETS.stream().map(s -> code.socketAddress(s.receiverFiles())).collect(Collectors.toSet());
    for (Map.Entry<String, String> served : code.allSocketAddresses().entrySet()) {
      if (!documented.contains(served.getKey())) {
        problems.add("the server serves WebSocket " + served.getKey() + " (" + served.getValue()
            + ") but no AsyncAPI document describes it: add asyncapi/<name>.yml, list it in AsyncApiController.DOCUMENTS"
            + " and in AsyncApiFramesTest.SOCKETS");
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " difference(s) between the AsyncAPI documents and the code:\n" + String.join("\n", problems));
    }
  }

  private static void compare(List<String> problems, String where, String verb, Map<String, String> code,
      Set<String> documented) {
    String action = verb.equals("sends") ? "send" : "receive";
    for (Map.Entry<String, String> frame : code.entrySet()) {
      if (!documented.contains(frame.getKey())) {
        problems.add(where + ": the server " + verb + " frame '" + frame.getKey() + "' (" + frame.getValue()
            + ") but the document has no " + action + " message with type '" + frame.getKey() + "'");
      }
    }
    for (String type : new TreeSet<>(documented)) {
      if (!code.containsKey(type)) {
        problems.add(where + ": the document says the server " + verb + " frame '" + type
            + "' but no code " + (verb.equals("sends") ? "sends" : "accepts") + " it");
      }
    }
  }

  @Test
  void readsTheFrameTypesOfTheChatSocketFromItsSources() {
    FrameSources code = new FrameSources(Repository.server().resolve("src/main/java/org/onenumber/server"));
    Socket chat = SOCKETS.get(0);
    Set<String> sent = code.sentTypes(chat.senderPackages(), chat.senderClass(), List.of("routing")).keySet();
    Set<String> accepted = code.acceptedTypes(chat.receiverFiles()).keySet();
    // The frames of the chat package's javadoc table, which this scan must at least find.
    assertTrue(sent.containsAll(Set.of("session", "ack", "message", "typing", "survey-saved", "ended", "queue",
        "agent", "error", "waiting")), "sent: " + sent);
    assertTrue(accepted.containsAll(Set.of("start", "resume", "message", "ack", "typing", "survey", "leave")),
        "accepted: " + accepted);
    assertEquals("/ws/chat", code.socketAddress(chat.receiverFiles()));
  }

  @Test
  void findsFrameTypesInEachWayTheCodeWritesThem() {
    String source = String.join("\n",
        "/** {\"type\": \"documented-only\"} in a comment is not a frame. */",
        "class X {",
        "  void a() { send(Map.of(\"type\", \"one\")); frame.put(\"type\", \"two\"); }",
        "  void b() { sockets.send(a, AgentSockets.frame(\"three\", at)); s.sendAsync(\"{\\\"type\\\":\\\"four\\\"}\"); }",
        "  void c(String type) { switch (type) { case \"five\" -> x(); default -> { } } }",
        "  void d(Map<String, Object> f) { if (\"six\".equals(f.get(\"type\"))) { } // \"type\", \"seven\"",
        "  }",
        "}");
    assertEquals(List.of("one:3", "two:3", "three:4", "four:4"), FrameSources.sends(source).entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue()).toList());
    assertEquals(List.of("five:5", "six:6"), FrameSources.accepts(source).entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue()).toList());
  }
}
