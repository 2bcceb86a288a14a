package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.testkit.FakeCaseRegistry;
import org.onenumber.testkit.ManualClock;

/**
 * The case rules of {@link CitizenDataAccess} as properties over seeded random callers (operators,
 * staff of a department, supervisors, administrators, API keys with or without {@code cases:read},
 * bound to a department or not) and random cases. After every call: a case view is allowed exactly
 * when rules 1, 4 or 7 say so; an allowed view leaves an audit entry naming the caller and the
 * case, a refused one none; acting on a case is never allowed to a key. The seed is printed on
 * failure; {@code -Dtests.seed=N} replays it.
 */
class CitizenDataAccessPropertyTest {

  private static final List<String> DEPARTMENTS = List.of("water", "roads", "transport");
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void caseViewsFollowTheRulesAndEveryAllowedViewIsAudited() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    try {
      run(new SplittableRandom(seed), 2_000);
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + " (replay with -Dtests.seed=" + seed + "): " + e.getMessage(), e);
    }
  }

  private static void run(SplittableRandom random, int steps) {
    List<AuditEntry> audited = new ArrayList<>();
    FakeCaseRegistry cases = new FakeCaseRegistry();
    CitizenDataAccess access = new CitizenDataAccess(new CitizenDataAccessTest.ListAuditLog(audited), cases, r -> "127.0.0.9", new ManualClock(T0));
    HttpRequest<?> request = HttpRequest.GET("/api/v1/cases/x");
    for (int step = 0; step < steps; step++) {
      String department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
      Case c = new Case(new CaseId("C-" + step), new DepartmentId(department), "cat", CasePriority.NORMAL, "summary",
          new CitizenId("citizen-" + random.nextInt(50)), List.of(), T0.plusSeconds(86_400),
          List.of(new CaseStatusChange(CaseStatus.OPEN, T0, "op-001", null)));
      cases.save(c);
      Authentication who = caller(random, step);
      boolean expected = mayView(who, department);
      int before = audited.size();
      boolean allowed = allowed(() -> access.viewCase(who, request, c));
      if (allowed != expected) {
        fail(who + " viewing a " + department + " case: allowed " + allowed + ", rules say " + expected);
      }
      if (allowed) {
        AuditEntry entry = audited.get(audited.size() - 1);
        assertEquals(List.of(who.getName(), "case", c.id().value()), List.of(entry.actor(), entry.recordType(),
            entry.recordId()), "the view is audited");
      } else {
        assertEquals(before, audited.size(), "a refused view is not audited as seen");
      }
      if (who.getRoles().contains("cases:read") && allowed(() -> access.actOnCase(who, request, c))) {
        fail(who + " acted on a case with an API key");
      }
    }
  }

  private static Authentication caller(SplittableRandom random, int step) {
    String department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
    Map<String, Object> attributes = new HashMap<>();
    return switch (random.nextInt(6)) {
      case 0 -> Authentication.build("op-" + step, List.of("OPERATOR"), Map.of("agent", "op-" + step));
      case 1 -> Authentication.build("staff-" + step, List.of("DEPARTMENT_STAFF"), Map.of("department", department));
      case 2 -> Authentication.build("sv-" + step, List.of("SUPERVISOR"), Map.of());
      case 3 -> Authentication.build("admin-" + step, List.of("ADMIN"), Map.of());
      case 4 -> {
        if (random.nextBoolean()) {
          attributes.put("department", department);
        }
        yield Authentication.build("apikey:k" + step, List.of("INTEGRATION", "cases:read"), attributes);
      }
      default -> Authentication.build("apikey:k" + step, List.of("INTEGRATION", "contacts:create"), Map.of());
    };
  }

  /** Rules 1, 4 and 7, written out again independently of the class under test. */
  private static boolean mayView(Authentication who, String department) {
    var roles = who.getRoles();
    Object bound = who.getAttributes().get("department");
    return roles.contains("SUPERVISOR") || roles.contains("ADMIN")
        || roles.contains("DEPARTMENT_STAFF") && department.equals(bound)
        || roles.contains("cases:read") && (bound == null || department.equals(bound));
  }

  private static boolean allowed(Runnable call) {
    try {
      call.run();
      return true;
    } catch (HttpStatusException e) {
      return false;
    }
  }
}
