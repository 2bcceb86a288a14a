package org.onenumber.server.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.AuditLog;

/**
 * Administrators list staff accounts (the accounts page, {@code /wallboard/accounts.html}): login,
 * name, role, department, agent, whether disabled and whether locked out by failed passwords (on
 * this node). Each listing is audited (staff names are personal data).
 */
@Controller("/api/v1/accounts")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AccountListController {

  static final int MAX_LIMIT = 500;
  private static final int MAX_QUERY = 100;

  private final Accounts accounts;
  private final LoginLocks locks;
  private final AuditLog audit;
  private final ClientAddresses addresses;
  private final InstantSource clock;

  AccountListController(Accounts accounts, LoginLocks locks, AuditLog audit, ClientAddresses addresses,
      InstantSource clock) {
    this.accounts = accounts;
    this.locks = locks;
    this.audit = audit;
    this.addresses = addresses;
    this.clock = clock;
  }

  /** One account as the page shows it. */
  @Serdeable
  record AccountView(String login, String name, String role, String department, String agent, boolean disabled,
      boolean lockedOut) { }

  /** A page of accounts; {@code more}: there are more than {@code limit} matches (narrow {@code q}). */
  @Serdeable
  record AccountPage(List<AccountView> accounts, int limit, boolean more) { }

  @Operation(summary = "List staff accounts with role, department, disabled and locked-out (administrators, audited)")
  @Get
  AccountPage list(@Nullable @QueryValue String q, @Nullable @QueryValue Integer limit, Authentication who,
      HttpRequest<?> request) {
    int max = limit == null ? 200 : limit;
    if (max < 1 || max > MAX_LIMIT) {
      throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
    }
    if (q != null && q.length() > MAX_QUERY) {
      throw new InvalidInputException("q is at most " + MAX_QUERY + " characters");
    }
    List<Accounts.Account> found = accounts.search(q, max + 1);
    Set<String> locked = locks.lockedLogins();
    List<AccountView> views = found.stream().limit(max).map(a -> new AccountView(a.login(), a.name(), a.role().name(),
        a.department(), a.agent(), a.disabled(), locked.contains(a.login()))).toList();
    audit.append(new AuditEntry(who.getName(), "ADMIN", "list", "account", q == null || q.isBlank() ? "*" : q.strip(),
        null, "administration", addresses.resolve(request), clock.instant()));
    return new AccountPage(views, max, found.size() > max);
  }
}
