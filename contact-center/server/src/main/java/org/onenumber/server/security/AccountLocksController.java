package org.onenumber.server.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import java.time.InstantSource;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.port.out.AuditLog;

/**
 * Administrators unlock an account that repeated failed logins locked, on every node (audited, {@link LoginLocks},
 * with the client's address as {@link ClientAddresses} resolves it: behind a balancer, not the balancer's).
 */
@Controller("/api/v1/accounts")
@Secured("ADMIN")
final class AccountLocksController {

  private final LoginLocks locks;
  private final AuditLog audit;
  private final ClientAddresses addresses;
  private final InstantSource clock;

  AccountLocksController(LoginLocks locks, AuditLog audit, ClientAddresses addresses, InstantSource clock) {
    this.locks = locks;
    this.audit = audit;
    this.addresses = addresses;
    this.clock = clock;
  }

  @Operation(summary = "Unlock a login locked after repeated failed passwords (administrators)")
  @Post("/{login}/unlock")
  HttpResponse<Void> unlock(String login, Authentication who, HttpRequest<?> request) {
    locks.unlock(login);
    audit.append(new AuditEntry(who.getName(), "ADMIN", "unlock", "account", login, null, "administration",
        addresses.resolve(request), clock.instant()));
    return HttpResponse.noContent();
  }
}
