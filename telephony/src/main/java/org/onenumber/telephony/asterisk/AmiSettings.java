package org.onenumber.telephony.asterisk;

import java.time.Duration;

/**
 * How to reach Asterisk's manager interface and which dialplan it runs (see {@code
 * telephony/asterisk/extensions.conf}).
 *
 * @param host AMI host, loopback by default; AMI is off when the host or the username is blank
 * @param minBackoff first wait before a reconnect; doubled after each failure up to {@code maxBackoff}
 * @param acceptOnDialEnd report an answered operator leg ({@code DialEnd ANSWER}) to routing as
 *     {@code Accept}; off when the FastAGI session reports answers itself
 * @param recordingFileNames where Asterisk's MixMonitor writes (its spool {@code monitor/} folder)
 */
public record AmiSettings(
    String host,
    int port,
    String username,
    String secret,
    Duration minBackoff,
    Duration maxBackoff,
    Duration responseTimeout,
    boolean acceptOnDialEnd,
    Dialplan dialplan) {

  /**
   * The dialplan names the call controls use.
   *
   * @param holdContext where a held operator leg waits ({@code onenumber-agent-hold})
   * @param conferenceContext where an extension named after a room runs {@code ConfBridge}
   * @param callbackContext where an originated operator leg dials the citizen's number
   * @param outboundDialString a number outside the center as a dial string, {@code %s} = the number
   * @param callbackCallerId the caller ID the operator sees on a callback
   * @param ringTimeout how long an originated leg may ring
   */
  public record Dialplan(
      String holdContext,
      String conferenceContext,
      String callbackContext,
      String outboundDialString,
      String callbackCallerId,
      Duration ringTimeout) {

    public static final Dialplan DEFAULT = new Dialplan("onenumber-agent-hold", "onenumber-conference",
        "onenumber-callback", "Local/%s@onenumber-outbound", "\"OneNumber callback\" <120>", Duration.ofSeconds(20));
  }

  public static AmiSettings loopback(int port, String username, String secret) {
    return new AmiSettings("127.0.0.1", port, username, secret, Duration.ofMillis(200), Duration.ofSeconds(30),
        Duration.ofSeconds(5), false, Dialplan.DEFAULT);
  }

  public boolean enabled() {
    return host != null && !host.isBlank() && username != null && !username.isBlank();
  }

  public AmiSettings withBackoff(Duration min, Duration max) {
    return new AmiSettings(host, port, username, secret, min, max, responseTimeout, acceptOnDialEnd, dialplan);
  }

  public AmiSettings withAcceptOnDialEnd(boolean accept) {
    return new AmiSettings(host, port, username, secret, minBackoff, maxBackoff, responseTimeout, accept, dialplan);
  }
}
