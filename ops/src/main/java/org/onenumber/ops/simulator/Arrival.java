package org.onenumber.ops.simulator;

import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;

/**
 * One contact of a trace.
 *
 * @param offsetMillis when it arrives, after the start of the trace
 * @param citizen a stable key for the citizen (becomes a phone number or chat id), so repeats of
 *     one person are repeats on the server too
 * @param topic the complaint type, used as the contact's topic and FCR category
 * @param department the department a case would go to if escalated
 */
public record Arrival(long offsetMillis, Channel channel, String language, String topic, String department,
    String citizen) {

  public Arrival {
    if (offsetMillis < 0) {
      throw new InvalidInputException("arrival offset must be ≥ 0, got " + offsetMillis);
    }
    InvalidInputException.require(channel, "channel");
    InvalidInputException.requireText(language, "language");
    InvalidInputException.requireText(topic, "topic");
    InvalidInputException.requireText(department, "department");
    InvalidInputException.requireText(citizen, "citizen");
  }
}
