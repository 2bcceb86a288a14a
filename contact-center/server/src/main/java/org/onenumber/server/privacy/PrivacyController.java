package org.onenumber.server.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onenumber.core.error.InvalidInputException;

/**
 * Administrators act on a citizen's privacy requests: the erasure of their personal data (audited,
 * with a reason) and the list of who looked at their record, in the citizen-safe form of {@link
 * AccessHistory} (the citizen gets the same list themselves from {@code POST /api/v1/track/access-log}).
 */
@Controller("/api/v1/citizens")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "privacy")
final class PrivacyController {

  private static final int MIN_REASON = 5;
  private final CitizenErasure erasure;
  private final AccessHistory history;
  private final HttpClientAddressResolver addresses;

  PrivacyController(CitizenErasure erasure, AccessHistory history, HttpClientAddressResolver addresses) {
    this.erasure = erasure;
    this.history = history;
    this.addresses = addresses;
  }

  /** Why the data is erased (the citizen's request, its reference). */
  @Serdeable
  record ErasureRequest(@Nullable String reason) {}

  @Post("/{id}/erasure")
  @Secured("ADMIN")
  @Operation(summary = "Erase a citizen's personal data (name, identities, messages, notes, recordings), "
      + "keeping anonymous statistics; audited")
  CitizenErasure.Erased erase(String id, @Body ErasureRequest body, HttpRequest<?> request, Authentication who) {
    String reason = body == null || body.reason() == null ? "" : body.reason().strip();
    if (reason.length() < MIN_REASON || reason.length() > 300) {
      throw new InvalidInputException("reason is required (" + MIN_REASON + " to 300 characters)");
    }
    String role = who.getRoles().stream().findFirst().orElse(null);
    return erasure.erase(id, reason, who.getName(), role, addresses.resolve(request));
  }

  @Get("/{id}/access-log")
  @Secured("ADMIN")
  @Operation(summary = "Who looked at a citizen's record, in the form the citizen may see: time, role, action, reason")
  AccessHistory.Looks accessLog(String id) {
    return history.of(id);
  }
}
