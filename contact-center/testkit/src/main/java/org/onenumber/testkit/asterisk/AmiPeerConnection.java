package org.onenumber.testkit.asterisk;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One client connection of an {@link AmiReplayPeer}: its reader (login, actions) and its script player. */
final class AmiPeerConnection {

  private static final Pattern ACTION_ID = Pattern.compile("(?m)^ActionID: ([^\r\n]*)");

  private final AmiReplayPeer peer;
  private final Socket socket;
  private final int index;
  private final AmiScript script;
  private final OutputStream out;
  private final List<Map<String, String>> pending = new ArrayList<>();
  private final Map<String, String> ids = new HashMap<>();
  private volatile int position;

  AmiPeerConnection(AmiReplayPeer peer, Socket socket, int index, AmiScript script) throws IOException {
    this.peer = peer;
    this.socket = socket;
    this.index = index;
    this.script = script;
    this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
  }

  void start() {
    Thread reader = new Thread(this::read, "ami-peer-read-" + index);
    reader.setDaemon(true);
    reader.start();
  }

  void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
    peer.forget(this);
  }

  private void read() {
    try (BufferedReader in = AmiReplayPeer.reader(socket)) {
      send(AmiReplayPeer.BANNER);
      if (!logIn(in)) {
        return;
      }
      Thread player = new Thread(this::play, "ami-peer-script-" + index);
      player.setDaemon(true);
      player.start();
      Map<String, String> action;
      while ((action = AmiReplayPeer.readMessage(in)) != null) {
        peer.received(action);
        answer(action);
      }
    } catch (IOException | InterruptedException e) {
      // the client or the test closed the connection
    } finally {
      close();
    }
  }

  /** Login as Asterisk 22 does it; false when refused (the connection is then closed). */
  private boolean logIn(BufferedReader in) throws IOException, InterruptedException {
    String challenge = null;
    Map<String, String> action;
    while ((action = AmiReplayPeer.readMessage(in)) != null) {
      peer.received(action);
      String name = AmiReplayPeer.lower(action.get("Action"));
      String id = action.get("ActionID");
      if (name.equals("challenge")) {
        challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
        send(response(id, "Success", null) + "Challenge: " + challenge + "\r\n\r\n");
      } else if (name.equals("login")) {
        boolean ok = AmiReplayPeer.USERNAME.equals(action.get("Username"))
            && (AmiReplayPeer.SECRET.equals(action.get("Secret"))
                || (challenge != null && action.get("Key") != null && AmiReplayPeer.keyMatches(challenge, action.get("Key"))));
        if (!ok) {
          TimeUnit.MILLISECONDS.sleep(peer.loginFailureDelay().toMillis());
          send(response(id, "Error", "Authentication failed") + "\r\n");
          close();
          return false;
        }
        send(response(id, "Success", "Authentication accepted") + "\r\n");
        if (script.steps().isEmpty()) {
          send(peer.fullyBooted());
        }
        return true;
      } else {
        send(response(id, "Error", "Permission denied") + "\r\n");
      }
    }
    return false;
  }

  /** True while the script stands at a recorded {@code action} of the client, waiting for ours. */
  boolean waitingFor(String action) {
    int at = position;
    List<AmiScript.Step> steps = script.steps();
    synchronized (pending) {
      return at < steps.size() && steps.get(at) instanceof AmiScript.Await a && a.action().equalsIgnoreCase(action)
          && pending.isEmpty();
    }
  }

  private void answer(Map<String, String> action) throws IOException {
    String name = action.getOrDefault("Action", "");
    String id = action.get("ActionID");
    if (name.equalsIgnoreCase("logoff")) {
      send(response(id, "Goodbye", "Thanks for all the fish.") + "\r\n");
      close();
      return;
    }
    synchronized (pending) {
      if (script.awaitsNext(name, position)) {
        pending.add(action);
        pending.notifyAll();
        return;
      }
    }
    List<String> answer = peer.answer(name);
    if (answer == null) {
      send(response(id, "Error", "Invalid/unknown command") + "\r\n");
      return;
    }
    for (String text : answer) {
      send(withActionId(text, id));
    }
  }

  private void play() {
    try {
      peer.awaitPlay();
      List<AmiScript.Step> steps = script.steps();
      for (int i = 0; i < steps.size(); i++) {
        position = i;
        switch (steps.get(i)) {
          case AmiScript.Send s -> send(substitute(s.text()));
          case AmiScript.Await a -> {
            Map<String, String> action = take(a.action());
            if (a.capturedId() != null && action.get("ActionID") != null) {
              ids.put(a.capturedId(), action.get("ActionID"));
            }
          }
          case AmiScript.Close c -> {
            close();
            return;
          }
        }
      }
      position = steps.size();
    } catch (IOException | InterruptedException e) {
      // connection gone
    }
  }

  private Map<String, String> take(String action) throws InterruptedException {
    synchronized (pending) {
      while (true) {
        for (Iterator<Map<String, String>> it = pending.iterator(); it.hasNext(); ) {
          Map<String, String> a = it.next();
          if (action.equalsIgnoreCase(a.get("Action"))) {
            it.remove();
            return a;
          }
        }
        pending.wait();
      }
    }
  }

  void blast(List<String> events, int count) throws IOException {
    synchronized (out) {
      for (int i = 0; i < count; i++) {
        out.write(events.get(i % events.size()).getBytes(StandardCharsets.UTF_8));
      }
      out.flush();
    }
  }

  private String substitute(String text) {
    Matcher m = ACTION_ID.matcher(text);
    if (m.find() && ids.containsKey(m.group(1))) {
      return withActionId(text, ids.get(m.group(1)));
    }
    return text;
  }

  private static String withActionId(String text, String id) {
    if (id == null) {
      return text;
    }
    return ACTION_ID.matcher(text).replaceFirst(Matcher.quoteReplacement("ActionID: " + id));
  }

  private static String response(String id, String response, String message) {
    return "Response: " + response + "\r\n" + (id == null ? "" : "ActionID: " + id + "\r\n")
        + (message == null ? "" : "Message: " + message + "\r\n");
  }

  private void send(String text) throws IOException {
    synchronized (out) {
      AmiReplayPeer.write(out, text);
      out.flush();
    }
  }
}
