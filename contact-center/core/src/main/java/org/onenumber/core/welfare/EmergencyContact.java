package org.onenumber.core.welfare;

import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.error.InvalidInputException;

/** Someone to tell when a senior is escalated (if the senior consented): a relative, a neighbour. */
public record EmergencyContact(String name, String relation, CitizenIdentity.Phone phone) {
  public EmergencyContact {
    InvalidInputException.requireText(name, "emergency contact name");
    relation = relation == null ? "" : relation;
    InvalidInputException.require(phone, "emergency contact phone");
  }
}
