package org.onenumber.telephony.asterisk;

import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.onenumber.core.directory.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call adopted after a restart, taken back into a FastAGI session: {@link AsteriskCallControl}
 * redirects the caller's channel into the {@value AsteriskCallControl#REJOIN_CONTEXT} context
 * ({@code agi://host:4573/rejoin}) when an operator controls the call, with the control's signal
 * already in the call's mailbox. The session finds the call by the caller's channel and conducts it
 * from CONNECTED on, like a call that never left ({@link CallConductor#rejoin}); the caller's
 * language is the one remembered for their number (Korean when none). A channel the registry does
 * not know is left to the dialplan (which hangs up).
 */
final class RejoinedCall implements AgiScript {

  private static final Logger LOG = LoggerFactory.getLogger(RejoinedCall.class);

  private final Ivr ivr;

  RejoinedCall(Ivr ivr) {
    this.ivr = ivr;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    String callerChannel = request.getChannel();
    Optional<AsteriskCalls.Call> call = callerChannel == null ? Optional.empty()
        : ivr.calls().byChannel(callerChannel).filter(c -> callerChannel.equals(c.callerChannel()));
    if (call.isEmpty()) {
      LOG.warn("rejoin of channel {} ignored: no such call carried", callerChannel);
      return;
    }
    AsteriskCalls.Call rejoined = call.get();
    Language language = ivr.numbers().parse(request.getCallerIdNumber()).flatMap(ivr.languages()::remembered)
        .orElse(Language.KOREAN);
    LOG.info("call of {} rejoined a FastAGI session on {}", rejoined.contact(), callerChannel);
    CallConductor conductor = new CallConductor(ivr, new AgiLine(channel), rejoined.contact(), language);
    try {
      conductor.rejoin();
    } finally {
      conductor.closeCall();
    }
  }
}
