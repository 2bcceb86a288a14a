package org.onenumber.server.channels;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.CitizenRegistry;

/**
 * Finds a case for the public tracking page: the case number and the last four digits of a phone
 * number the citizen used must both match. Every miss (no such case, wrong digits, a citizen without
 * a phone) is the same empty answer, so the page tells nothing about which part was wrong.
 * Thread-safe.
 */
@Singleton
final class CaseTracking {

  private final CaseRegistry cases;
  private final CitizenRegistry citizens;

  CaseTracking(CaseRegistry cases, CitizenRegistry citizens) {
    this.cases = cases;
    this.citizens = citizens;
  }

  Optional<Case> find(String number, String lastFour) {
    InvalidInputException.requireText(number, "case");
    if (lastFour == null || !lastFour.strip().matches("[0-9]{4}")) {
      throw new InvalidInputException("phoneLast4 must be the last four digits of your phone number");
    }
    if (number.strip().length() > 32) {
      return Optional.empty();
    }
    String digits = lastFour.strip();
    return cases.find(new CaseId(number.strip()))
        .filter(c -> citizens.find(c.citizen()).map(z -> phoneEndsWith(z, digits)).orElse(false));
  }

  private static boolean phoneEndsWith(Citizen citizen, String digits) {
    return citizen.identities().stream().anyMatch(i -> i.kind().equals("phone") && i.value().endsWith(digits));
  }
}
