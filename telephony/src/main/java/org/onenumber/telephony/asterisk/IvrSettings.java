package org.onenumber.telephony.asterisk;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How the FastAGI IVR listens and behaves.
 *
 * @param bind the address to listen on (loopback unless Asterisk runs on another host)
 * @param port the FastAGI port (Asterisk's default is 4573)
 * @param maxSessions the most callers served at once, one thread each (a further caller is ended at
 *     once and the dialplan goes on); the session pool has {@link #legReserve()} threads more for the short scripts
 *     that must never be refused: an operator's answered leg, a rejoin, a check-in
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
 * @param acceptReportEvery how often an operator's answered leg whose accept routing has not yet
 *     journaled or refused logs that it still waits ({@link AnsweredLeg} waits for routing's verdict,
 *     however long)
 */
public record IvrSettings(InetAddress bind, int port, int maxSessions, Duration idleThreadKeepAlive,
    Duration ringTimeout, Duration digitTimeout, int menuAttempts, Duration hangupProbe, Duration controlGrace,
    String mohClass, String answeredContext, String signLanguageLink, Duration acceptReportEvery) {

  /** How often a late accept is logged by default: {@value #ACCEPT_REPORT_EVERY_S} s. */
  static final long ACCEPT_REPORT_EVERY_S = 60;

  public IvrSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (maxSessions < 1 || menuAttempts < 1) {
      throw new IllegalArgumentException("maxSessions and menuAttempts must be positive");
    }
    if (acceptReportEvery == null || acceptReportEvery.isNegative() || acceptReportEvery.isZero()) {
      throw new IllegalArgumentException("acceptReportEvery must be positive, got " + acceptReportEvery);
    }
  }

  /** Late accepts logged every {@value #ACCEPT_REPORT_EVERY_S} s. */
  public IvrSettings(InetAddress bind, int port, int maxSessions, Duration idleThreadKeepAlive, Duration ringTimeout,
      Duration digitTimeout, int menuAttempts, Duration hangupProbe, Duration controlGrace, String mohClass,
      String answeredContext, String signLanguageLink) {
    this(bind, port, maxSessions, idleThreadKeepAlive, ringTimeout, digitTimeout, menuAttempts, hangupProbe,
        controlGrace, mohClass, answeredContext, signLanguageLink, Duration.ofSeconds(ACCEPT_REPORT_EVERY_S));
  }

  /** Loopback, port 4573, 1,000 sessions, 15 s ring, 5 s per key, 3 attempts, 500 ms hang-up probe. */
  public static IvrSettings defaults() {
    return new IvrSettings(InetAddress.getLoopbackAddress(), 4573, 1_000, Duration.ofSeconds(30),
        Duration.ofSeconds(15), Duration.ofSeconds(5), 3, Duration.ofMillis(500), Duration.ofSeconds(1),
        "default", "onenumber-answered", "https://onenumber.example/call/");
  }

  /**
   * Session threads kept beyond {@link #maxSessions} for the scripts other than a caller's: a tenth,
   * at least 8. Without them an operator's answered leg ({@code Dial}'s {@code U()}) found the pool
   * full of waiting callers and was refused: the legs were bridged without routing's accept, the
   * operator was never connected and the offer rang out (issue #17, New York's record day).
   */
  public int legReserve() {
    return Math.max(8, maxSessions / 10);
  }

  /** The session pool's size: {@link #maxSessions} callers plus {@link #legReserve()}. */
  public int sessionThreads() {
    return maxSessions + legReserve();
  }

  public IvrSettings withMaxSessions(int sessions) {
    return new IvrSettings(bind, port, sessions, idleThreadKeepAlive, ringTimeout, digitTimeout, menuAttempts,
        hangupProbe, controlGrace, mohClass, answeredContext, signLanguageLink, acceptReportEvery);
  }

  public IvrSettings withPort(int newPort) {
    return new IvrSettings(bind, newPort, maxSessions, idleThreadKeepAlive, ringTimeout, digitTimeout, menuAttempts,
        hangupProbe, controlGrace, mohClass, answeredContext, signLanguageLink, acceptReportEvery);
  }

  public IvrSettings withIdleThreadKeepAlive(Duration keepAlive) {
    return new IvrSettings(bind, port, maxSessions, keepAlive, ringTimeout, digitTimeout, menuAttempts,
        hangupProbe, controlGrace, mohClass, answeredContext, signLanguageLink, acceptReportEvery);
  }

  public IvrSettings withRingTimeout(Duration ring) {
    return new IvrSettings(bind, port, maxSessions, idleThreadKeepAlive, ring, digitTimeout, menuAttempts,
        hangupProbe, controlGrace, mohClass, answeredContext, signLanguageLink, acceptReportEvery);
  }

  public IvrSettings withAcceptReportEvery(Duration every) {
    return new IvrSettings(bind, port, maxSessions, idleThreadKeepAlive, ringTimeout, digitTimeout, menuAttempts,
        hangupProbe, controlGrace, mohClass, answeredContext, signLanguageLink, every);
  }
}
