package org.onenumber.server.security.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.InstantSource;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.server.security.ClientAddresses;

/**
 * Administrators disable an account (a leaver, a stolen password) and enable it again, audited.
 * Disabling refuses the account's logins, revokes every refresh token of it and refuses its
 * access tokens from the next request on; enabling lets it log in again (old tokens stay revoked).
 */
@Controller("/api/v1/accounts")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AccountStatusController {

  private final AccountSwitch accounts;
  private final AuditLog audit;
  private final ClientAddresses addresses;
  private final InstantSource clock;

  AccountStatusController(AccountSwitch accounts, AuditLog audit, ClientAddresses addresses, InstantSource clock) {
    this.accounts = accounts;
    this.audit = audit;
    this.addresses = addresses;
    this.clock = clock;
  }

  @Operation(summary = "Disable an account: its logins are refused, its refresh and access tokens revoked (administrators)")
  @Post("/{login}/disable")
  HttpResponse<Void> disable(String login, Authentication who, HttpRequest<?> request) {
    change(login, clock.instant(), who, request);
    return HttpResponse.noContent();
  }

  @Operation(summary = "Enable a disabled account again (administrators)")
  @Post("/{login}/enable")
  HttpResponse<Void> enable(String login, Authentication who, HttpRequest<?> request) {
    change(login, null, who, request);
    return HttpResponse.noContent();
  }

  private void change(String login, Instant disabledAt, Authentication who, HttpRequest<?> request) {
    if (!(disabledAt == null ? accounts.enable(login) : accounts.disable(login, disabledAt))) {
      throw new NotFoundException("account", login);
    }
    audit.append(new AuditEntry(who.getName(), "ADMIN", disabledAt == null ? "enable" : "disable", "account", login,
        null, "administration", addresses.resolve(request), clock.instant()));
  }
}
