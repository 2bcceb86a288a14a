package org.onenumber.server.channels;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.server.open311.JdbcOpen311Store;

/**
 * Finds a case for the public tracking page, by one of two proofs:
 *
 * <ol>
 *   <li>the tracking token of a request filed through Open311 or the {@code /report/} form (96
 *       random bits, not guessable); or
 *   <li>the case number and the last four digits of a phone number the citizen used, both matching.
 *       Case numbers are sequential, so the four digits are the secret: after
 *       {@code onenumber.cases.track-misses-per-case} (5) wrong digits for one case number within
 *       an hour, that number answers nothing for the rest of the hour, whichever address asks
 *       (the per-address limit alone would let many addresses share 10,000 guesses).
 * </ol>
 *
 * Every miss (no such case, wrong digits, a locked number, a citizen without a phone, an unknown
 * token) is the same empty answer, so the page tells nothing about which part was wrong.
 * Thread-safe.
 */
@Singleton
final class CaseTracking {

  private final CaseRegistry cases;
  private final CitizenRegistry citizens;
  private final JdbcOpen311Store requests;
  private final int missesPerCase;
  private final Cache<String, AtomicInteger> misses =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

  CaseTracking(CaseRegistry cases, CitizenRegistry citizens, JdbcOpen311Store requests,
      @Value("${onenumber.cases.track-misses-per-case:5}") int missesPerCase) {
    this.cases = cases;
    this.citizens = citizens;
    this.requests = requests;
    this.missesPerCase = missesPerCase;
  }

  Optional<Case> find(String number, String lastFour) {
    InvalidInputException.requireText(number, "case");
    if (lastFour == null || !lastFour.strip().matches("[0-9]{4}")) {
      throw new InvalidInputException("phoneLast4 must be the last four digits of your phone number");
    }
    String id = number.strip();
    if (id.length() > 32 || locked(id)) {
      return Optional.empty();
    }
    String digits = lastFour.strip();
    Optional<Case> found = cases.find(new CaseId(id))
        .filter(c -> citizens.find(c.citizen()).map(z -> phoneEndsWith(z, digits)).orElse(false));
    if (found.isEmpty()) {
      misses.get(id, k -> new AtomicInteger()).incrementAndGet();
    }
    return found;
  }

  /** Proof 1: the request's tracking token. */
  Optional<Case> findByToken(String token) {
    String t = token.strip();
    if (!t.matches("[0-9a-f]{24}")) {
      return Optional.empty();
    }
    return requests.byToken(t).flatMap(r -> cases.find(new CaseId(r.serviceRequestId())));
  }

  private boolean locked(String id) {
    AtomicInteger count = misses.getIfPresent(id);
    return count != null && count.get() >= missesPerCase;
  }

  private static boolean phoneEndsWith(Citizen citizen, String digits) {
    return citizen.identities().stream().anyMatch(i -> i.kind().equals("phone") && i.value().endsWith(digits));
  }
}
