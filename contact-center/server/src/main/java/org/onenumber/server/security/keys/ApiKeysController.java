package org.onenumber.server.security.keys;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Set;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.server.api.Views.Items;
import org.onenumber.server.security.RateLimits;

/** Administrators issue, list and revoke integration API keys; issuing and revoking are audited. */
@Controller("/api/v1/api-keys")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "security")
final class ApiKeysController {

  private final ApiKeys keys;
  private final RateLimits limits;
  private final AuditLog audit;
  private final HttpClientAddressResolver addresses;
  private final InstantSource clock;

  ApiKeysController(ApiKeys keys, RateLimits limits, AuditLog audit, HttpClientAddressResolver addresses,
      InstantSource clock) {
    this.keys = keys;
    this.limits = limits;
    this.audit = audit;
    this.addresses = addresses;
    this.clock = clock;
  }

  @Get
  @Operation(summary = "Integration API keys with their scopes and limits, never their values (administrators)")
  Items<ApiKeyViews.KeyView> list() {
    return new Items<>(keys.all().stream().map(ApiKeyViews.KeyView::of).toList());
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Operation(summary = "Issue an API key with scopes (contacts:create, open311:write, cases:read); its value is"
      + " shown only in this answer (administrators)")
  ApiKeyViews.IssuedView issue(@Body ApiKeyViews.IssueRequest body, Authentication who, HttpRequest<?> request) {
    InvalidInputException.require(body, "body");
    Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
    for (String s : body.scopes() == null ? java.util.List.<String>of() : body.scopes()) {
      scopes.add(ApiKeyScope.of(s).orElseThrow(() -> new InvalidInputException(
          "scopes may be contacts:create, open311:write and cases:read")));
    }
    int perMinute = body.perMinute() == null ? (int) limits.perMinute(RateLimits.Rule.API_KEY) : body.perMinute();
    ApiKeys.Issued issued = keys.issue(body.name(), scopes, perMinute, body.department(), who.getName());
    record(who, request, "issue", issued.key());
    return new ApiKeyViews.IssuedView(ApiKeyViews.KeyView.of(issued.key()), issued.value());
  }

  @Post("/{id}/revoke")
  @Operation(summary = "Revoke an API key: from the next request on it is refused with 401 (administrators)")
  ApiKeyViews.KeyView revoke(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    ApiKey key = keys.revoke(id, who.getName());
    record(who, request, "revoke", key);
    return ApiKeyViews.KeyView.of(key);
  }

  private void record(Authentication who, HttpRequest<?> request, String action, ApiKey key) {
    audit.append(new AuditEntry(who.getName(), "ADMIN", action, "api-key", key.id(), null,
        "administration: " + String.join(",", key.scopes().stream().map(ApiKeyScope::scope).sorted().toList()),
        addresses.resolve(request), clock.instant()));
  }
}
