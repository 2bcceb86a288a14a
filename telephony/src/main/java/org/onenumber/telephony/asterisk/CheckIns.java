package org.onenumber.telephony.asterisk;

import org.onenumber.core.directory.QueueId;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.port.in.RecordHappyCallAnswer;

/**
 * What the scripts of calls the city places need ({@link CheckInCall}, {@link HappyCallSurvey}):
 * where outcomes go, and the queue and priority of the contact opened when the senior presses 2 to
 * talk to someone.
 *
 * @param outcomes the welfare program ({@code RecordCheckIn}), or null: the check-in script is not served
 * @param queue the welfare operators' queue ({@code welfare-outbound})
 * @param priority the contact's priority there (0..100), above ordinary welfare calls
 * @param happyCalls the happy-call program ({@code RecordHappyCallAnswer}), or null: no happy-call survey calls
 */
public record CheckIns(RecordCheckIn outcomes, QueueId queue, int priority, RecordHappyCallAnswer happyCalls) {

  /** No check-in calls on this server. */
  public static final CheckIns NONE = new CheckIns(null, new QueueId("welfare-outbound"), 80, null);

  /** Welfare check-ins without happy-call survey calls. */
  public CheckIns(RecordCheckIn outcomes, QueueId queue, int priority) {
    this(outcomes, queue, priority, null);
  }

  public CheckIns {
    if (priority < 0 || priority > 100) {
      throw new IllegalArgumentException("priority must be 0..100");
    }
  }
}
