package org.onenumber.telephony.asterisk;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;

/**
 * Which script serves a FastAGI request: {@code agi://host:4573/ivr} is a caller arriving on the one
 * number ({@link CallerSession}); {@code agi://host:4573/answered?contact=…&agent=…} is an operator's
 * leg that just answered, run by {@code Dial}'s {@code U()} option ({@link AnsweredLeg}); {@code
 * agi://host:4573/rejoin} is the caller of a call adopted after a restart, taken back by a call
 * control ({@link RejoinedCall}); {@code agi://host:4573/checkin} is a senior answering the welfare
 * program's automated check-in ({@link CheckInCall}) or a citizen answering a happy-call survey
 * ({@link HappyCallSurvey}, when the Originate set {@code ONENUMBER_SCRIPT=happy-call}). Anything
 * else gets no script (Asterisk-Java sets {@code AJ_AGISTATUS=NOT_FOUND} and the dialplan goes on).
 */
final class IvrScripts implements MappingStrategy {

  private final Ivr ivr;
  private final CheckIns checkIns;

  IvrScripts(Ivr ivr, CheckIns checkIns) {
    this.ivr = ivr;
    this.checkIns = checkIns;
  }

  @Override
  public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
    String script = request.getScript();
    if ("ivr".equals(script)) {
      return new CallerSession(ivr);
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
