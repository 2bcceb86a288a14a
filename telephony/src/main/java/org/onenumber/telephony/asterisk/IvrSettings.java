package org.onenumber.telephony.asterisk;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How the FastAGI IVR listens and behaves.
 *
 * @param bind the address to listen on (loopback unless Asterisk runs on another host)
 * @param port the FastAGI port (Asterisk's default is 4573)
 * @param maxSessions the most calls served at once; one platform thread each (further calls are refused)
 * @param idleThreadKeepAlive how long an idle session thread is kept for the next call
 * @param ringTimeout how long an operator's phone rings before the caller goes back to their place;
 *     keep it below the queues' offer timeout
 * @param digitTimeout how long a menu waits for a key
 * @param menuAttempts how many times a menu is offered before the default is taken
 * @param hangupProbe how often a waiting caller's channel is checked for a hang-up
 * @param controlGrace how long to wait for an operator's call control after their leg ended
 * @param mohClass the music-on-hold class played while waiting
 * @param answeredContext the dialplan context run by {@code Dial}'s {@code U()} option on the
 *     operator's leg when it answers (it runs the {@code answered} FastAGI script)
 * @param signLanguageLink the video-call link sent by SMS to callers who choose sign language
 */
public record IvrSettings(InetAddress bind, int port, int maxSessions, Duration idleThreadKeepAlive,
    Duration ringTimeout, Duration digitTimeout, int menuAttempts, Duration hangupProbe, Duration controlGrace,
    String mohClass, String answeredContext, String signLanguageLink) {

  public IvrSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (maxSessions < 1 || menuAttempts < 1) {
      throw new IllegalArgumentException("maxSessions and menuAttempts must be positive");
    }
  }

  /** Loopback, port 4573, 1,000 sessions, 15 s ring, 5 s per key, 3 attempts, 500 ms hang-up probe. */
  public static IvrSettings defaults() {
    return new IvrSettings(InetAddress.getLoopbackAddress(), 4573, 1_000, Duration.ofSeconds(30),
        Duration.ofSeconds(15), Duration.ofSeconds(5), 3, Duration.ofMillis(500), Duration.ofSeconds(1),
        "default", "onenumber-answered", "https://onenumber.example/call/");
  }

  public IvrSettings withPort(int newPort) {
    return new IvrSettings(bind, newPort, maxSessions, idleThreadKeepAlive, ringTimeout, digitTimeout, menuAttempts,
        hangupProbe, controlGrace, mohClass, answeredContext, signLanguageLink);
  }

  public IvrSettings withIdleThreadKeepAlive(Duration keepAlive) {
    return new IvrSettings(bind, port, maxSessions, keepAlive, ringTimeout, digitTimeout, menuAttempts,
        hangupProbe, controlGrace, mohClass, answeredContext, signLanguageLink);
  }

  public IvrSettings withRingTimeout(Duration ring) {
    return new IvrSettings(bind, port, maxSessions, idleThreadKeepAlive, ring, digitTimeout, menuAttempts,
        hangupProbe, controlGrace, mohClass, answeredContext, signLanguageLink);
  }
}
