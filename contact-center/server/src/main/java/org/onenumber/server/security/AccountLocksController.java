package org.onenumber.server.security;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;

/** Administrators unlock an account that repeated failed logins locked. */
@Controller("/api/v1/accounts")
@Secured("ADMIN")
final class AccountLocksController {

  private final RateLimits limits;

  AccountLocksController(RateLimits limits) {
    this.limits = limits;
  }

  @Operation(summary = "Unlock a login locked after repeated failed passwords (administrators)")
  @Post("/{login}/unlock")
  HttpResponse<Void> unlock(String login) {
    limits.reset(RateLimits.Rule.LOGIN_FAILURES, login);
    return HttpResponse.noContent();
  }
}
