package org.onenumber.testkit.asterisk;

import java.util.ArrayList;
import java.util.List;
import org.onenumber.testkit.asterisk.AsteriskCapture.Message;

/**
 * What one AMI connection of a capture does after its login, as steps: messages Asterisk sent
 * ({@link Send}), actions the recorded client sent, which the peer now waits for ({@link Await}), and
 * Asterisk closing the connection ({@link Close}). The banner and the login exchange are left out:
 * the peer answers the login itself.
 */
record AmiScript(List<Step> steps) {

  sealed interface Step {}

  record Send(String text) implements Step {}

  /** Wait for the client's action {@code action}; its captured ActionID was {@code capturedId}. */
  record Await(String action, String capturedId) implements Step {}

  record Close() implements Step {}

  /** One script per AMI connection of {@code capture}, in order. */
  static List<AmiScript> of(AsteriskCapture capture) {
    List<AmiScript> scripts = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    String loginId = null;
    boolean loggedIn = false;
    for (Message m : capture.ami()) {
      if (m.close()) {
        if (m.in()) {
          steps.add(new Close());
        }
        scripts.add(new AmiScript(List.copyOf(steps)));
        steps.clear();
        loggedIn = false;
        continue;
      }
      if (!loggedIn) {
        if (!m.in() && "Login".equalsIgnoreCase(m.header("Action"))) {
          loginId = m.header("ActionID");
        } else if (m.in() && loginId != null && loginId.equals(m.header("ActionID"))) {
          loggedIn = true;
        }
        continue;
      }
      steps.add(m.in() ? new Send(m.text()) : new Await(m.header("Action"), m.header("ActionID")));
    }
    if (!steps.isEmpty()) {
      scripts.add(new AmiScript(List.copyOf(steps)));
    }
    return scripts;
  }

  /** True when the first action awaited at or after step {@code from} is {@code action}. */
  boolean awaitsNext(String action, int from) {
    for (int i = from; i < steps.size(); i++) {
      if (steps.get(i) instanceof Await a) {
        return a.action().equalsIgnoreCase(action);
      }
    }
    return false;
  }
}
