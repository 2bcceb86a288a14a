package org.onenumber.telephony.asterisk;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which script serves a FastAGI request: {@code agi://host:4573/ivr} is a caller arriving on the one
 * number ({@link CallerSession}); {@code agi://host:4573/answered?contact=…&agent=…} is an operator's
 * leg that just answered, run by {@code Dial}'s {@code U()} option ({@link AnsweredLeg}); {@code
 * agi://host:4573/rejoin} is the caller of a call adopted after a restart, taken back by a call
 * control ({@link RejoinedCall}); {@code agi://host:4573/checkin} is a senior answering the welfare
 * program's automated check-in ({@link CheckInCall}) or a citizen answering a happy-call survey
 * ({@link HappyCallSurvey}, when the Originate set {@code ONENUMBER_SCRIPT=happy-call}). Anything
 * else gets no script (Asterisk-Java sets {@code AJ_AGISTATUS=NOT_FOUND} and the dialplan goes on).
 *
 * <p>At most {@link IvrSettings#maxSessions()} callers are served at once; the session pool is larger
 * by {@link IvrSettings#legReserve()} so that an operator's answered leg, a rejoin or a check-in is
 * never refused for want of a thread while callers wait in line. A caller beyond the limit is ended
 * at once, without a command (as the pool's refusal did before: the dialplan goes on), so refused
 * callers hold a reserve thread for microseconds only.
 */
final class IvrScripts implements MappingStrategy {

  private static final Logger LOG = LoggerFactory.getLogger(IvrScripts.class);

  private final Ivr ivr;
  private final CheckIns checkIns;
  private final Semaphore callers;
  /** Callers ended at once because {@link IvrSettings#maxSessions()} callers were being served (logged). */
  private final AtomicLong turnedAway = new AtomicLong();

  IvrScripts(Ivr ivr, CheckIns checkIns) {
    this.ivr = ivr;
    this.checkIns = checkIns;
    this.callers = new Semaphore(ivr.settings().maxSessions());
  }

  /** A caller's session if one of the {@link IvrSettings#maxSessions()} places is free, else ended at once. */
  private AgiScript caller() {
    return (request, channel) -> {
      if (!callers.tryAcquire()) {
        long n = turnedAway.incrementAndGet();
        if (n == 1 || n % 1_000 == 0) {
          LOG.warn("{} callers served at once: a caller was turned away ({} so far)", ivr.settings().maxSessions(), n);
        }
        return;
      }
      try {
        new CallerSession(ivr).service(request, channel);
      } finally {
        callers.release();
      }
    };
  }

  @Override
  public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
    String script = request.getScript();
    if ("ivr".equals(script)) {
      return caller();
    }
    if ("checkin".equals(script)) {
      return (req, line) -> (HappyCallSurvey.SCRIPT.equals(line.getVariable("ONENUMBER_SCRIPT"))
          ? new HappyCallSurvey(ivr, checkIns) : new CheckInCall(ivr, checkIns)).service(req, line);
    }
    if ("rejoin".equals(script)) {
      return new RejoinedCall(ivr);
    }
    if ("answered".equals(script)) {
      return new AnsweredLeg(ivr);
    }
    return null;
  }
}
