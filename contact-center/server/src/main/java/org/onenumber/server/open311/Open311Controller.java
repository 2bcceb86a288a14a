package org.onenumber.server.open311;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.onenumber.channels.open311.FormBody;
import org.onenumber.channels.open311.GeoReportDocuments;
import org.onenumber.channels.open311.GeoReportError;
import org.onenumber.channels.open311.Open311Format;
import org.onenumber.channels.open311.RequestQuery;
import org.onenumber.channels.open311.ServiceRequestSubmission;
import org.onenumber.server.admission.IntakeAdmission;
import org.onenumber.server.admission.IntakeKind;
import org.onenumber.server.intake.IdempotencyKey;
import org.onenumber.server.security.RateLimits;
import org.onenumber.server.security.keys.ApiKeyGate;
import org.onenumber.server.security.keys.ApiKeyScope;
import org.onenumber.server.security.keys.KeyDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open311 GeoReport v2 under {@code /open311/v2/} and its Service Discovery document, in XML or
 * JSON by the resource's suffix. Open to anyone, as the specification intends: reading needs no
 * key and returns no personal data (names, e-mail and phone are never written back); filing needs
 * a client application's API key with the {@code open311:write} scope (403 in the spec's error
 * shape otherwise, nothing stored), in the {@code api_key} field or the {@code X-Api-Key} header, and
 * is rate-limited per key. Reads are rate-limited per source address
 * ({@code onenumber.rate-limits.open311-read-per-minute}, 600): 429 in the spec's error shape with
 * {@code Retry-After}. Every refusal is the spec's {@code errors}
 * document; protocol rules live in {@code org.onenumber.channels.open311}.
 */
@Controller("/open311")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "open311")
final class Open311Controller {

  private static final Logger LOG = LoggerFactory.getLogger(Open311Controller.class);

  private final JdbcOpen311Store store;
  private final Open311Desk desk;
  private final IdempotentFiling filing;
  private final RateLimits limits;
  private final ApiKeyGate keys;
  private final HttpClientAddressResolver addresses;
  private final InstantSource clock;
  private final String jurisdiction;
  private final String publicUrl;
  private final IntakeAdmission admission;

  /** The response header of an answer given again for a repeated {@code Idempotency-Key}. */
  static final String REPLAYED = "Idempotent-Replayed";

  Open311Controller(JdbcOpen311Store store, Open311Desk desk, IdempotentFiling filing, RateLimits limits, ApiKeyGate keys,
      HttpClientAddressResolver addresses,
      InstantSource clock, @Value("${onenumber.open311.jurisdiction-id:onenumber.example}") String jurisdiction,
      @Value("${onenumber.public-url:}") String publicUrl, IntakeAdmission admission) {
    this.admission = admission;
    this.store = store;
    this.desk = desk;
    this.filing = filing;
    this.limits = limits;
    this.keys = keys;
    this.addresses = addresses;
    this.clock = clock;
    this.jurisdiction = jurisdiction;
    this.publicUrl = publicUrl;
  }

  @Get("/discovery.{format}")
  @Operation(summary = "Open311 Service Discovery: the GeoReport v2 endpoint, its formats and how to get a key")
  HttpResponse<String> discovery(@PathVariable String format, HttpRequest<?> request) {
    return Open311Responses.answer(format, () -> GeoReportDocuments.discovery(java.time.Instant.parse("2026-12-01T00:00:00Z"),
        "Call the city's one number, or write to the contact center", "Ask the contact center's administrators"
            + " for a client application key", base(request) + "/open311/v2"));
  }

  @Get("/v2/services.{format}")
  @Operation(summary = "Open311 GET Service List: each department category as a service type")
  HttpResponse<String> services(@PathVariable String format, HttpRequest<?> request) {
    OptionalLong wait = readLimit(request);
    if (wait.isPresent()) {
      return Open311Responses.tooMany(format, wait.getAsLong());
    }
    return Open311Responses.answer(format, () -> {
      RequestQuery.parse(params(request), clock.instant(), jurisdiction);
      return GeoReportDocuments.services(store.services());
    });
  }

  @Get("/v2/services/{code}.{format}")
  @Operation(summary = "Open311 GET Service Definition: the attributes a request of this service may answer")
  HttpResponse<String> definition(@PathVariable String code, @PathVariable String format, HttpRequest<?> request) {
    OptionalLong wait = readLimit(request);
    if (wait.isPresent()) {
      return Open311Responses.tooMany(format, wait.getAsLong());
    }
    return Open311Responses.answer(format, () -> {
      RequestQuery.parse(params(request), clock.instant(), jurisdiction);
      return GeoReportDocuments.definition(store.service(code)
          .orElseThrow(() -> GeoReportError.notFound("service_code was not found; see services.xml")));
    });
  }

  @Post("/v2/requests.{format}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Open311 POST Service Request: files a contact and a case for the service's department")
  HttpResponse<String> file(@PathVariable String format, @Nullable @Body String body, HttpRequest<?> request,
      @Parameter(in = ParameterIn.HEADER, description = "Optional, 16-128 of [A-Za-z0-9._:-], one random value per"
          + " request (a UUID): a repeat with the same key and body within onenumber.intake.idempotency-ttl (24 h)"
          + " answers the first service_request_id (header Idempotent-Replayed: true) without a second request;"
          + " the same key with another body is refused with 422, a repeat while the first is still filing with 409")
      @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey) {
    boolean[] replayed = new boolean[1];
    MutableHttpResponse<String> response = Open311Responses.answer(format, () -> {
      Map<String, List<String>> form = FormBody.decode(body);
      Client client = client(FormBody.first(form, "api_key"), request);
      IdempotencyKey key = idempotencyKey == null ? null
          : IdempotencyKey.of("open311:" + client.id(), idempotencyKey, bytes(body));
      IdempotentFiling.Answer filed;
      try (var permit = admission.enter(IntakeKind.REPORT)) {
        filed = filing.file(ServiceRequestSubmission.parse(form, store::service, jurisdiction), client.id(), key,
            f -> { });
      }
      client.awaitAudit();
      replayed[0] = filed.replayed();
      return GeoReportDocuments.created(filed.serviceRequestId(), filed.notice());
    });
    return replayed[0] ? response.header(REPLAYED, "true") : response;
  }

  @Get("/v2/requests.{format}")
  @Operation(summary = "Open311 GET Service Requests: by ids, or by service, date window (90 days) and status")
  HttpResponse<?> requests(@PathVariable String format, HttpRequest<?> request) {
    OptionalLong wait = readLimit(request);
    if (wait.isPresent()) {
      return Open311Responses.tooMany(format, wait.getAsLong());
    }
    return Open311Responses.answerBytes(format, () -> GeoReportDocuments.requests(
        desk.find(RequestQuery.parse(params(request), clock.instant(), jurisdiction))));
  }

  @Get("/v2/requests/{id}.{format}")
  @Operation(summary = "Open311 GET Service Request: one request with its current status")
  HttpResponse<String> request(@PathVariable String id, @PathVariable String format, HttpRequest<?> request) {
    OptionalLong wait = readLimit(request);
    if (wait.isPresent()) {
      return Open311Responses.tooMany(format, wait.getAsLong());
    }
    return Open311Responses.answer(format, () -> {
      RequestQuery.parse(params(request), clock.instant(), jurisdiction);
      return GeoReportDocuments.requests(List.of(desk.view(store.request(id)
          .orElseThrow(() -> GeoReportError.notFound("service_request_id was not found")))));
    });
  }

  @Get("/v2/tokens/{token}.{format}")
  @Operation(summary = "Open311 GET service_request_id from a token")
  HttpResponse<String> token(@PathVariable String token, @PathVariable String format, HttpRequest<?> request) {
    OptionalLong wait = readLimit(request);
    if (wait.isPresent()) {
      return Open311Responses.tooMany(format, wait.getAsLong());
    }
    return Open311Responses.answer(format, () -> {
      RequestQuery.parse(params(request), clock.instant(), jurisdiction);
      StoredRequest r = store.byToken(token).orElseThrow(() -> GeoReportError.notFound("token was not found"));
      return GeoReportDocuments.token(r.serviceRequestId(), r.token());
    });
  }

  /** A form over the server's size limit: the spec's error document with 413. */
  @Error(exception = ContentLengthExceededException.class)
  HttpResponse<String> tooLarge(HttpRequest<?> request) {
    String path = request.getPath();
    String format = path.substring(path.lastIndexOf('.') + 1);
    return Open311Responses.refuse(Open311Format.ofSuffix(format).orElse(Open311Format.XML),
        new GeoReportError(413, "the request is larger than the server accepts"));
  }

  /**
   * The client application filing, by its key's id, and the audit of this use of its key: appended
   * alongside the filing (the two commits overlap, issue 14) and awaited before the answer. Should
   * the audit fail where the filing committed, the filing is answered all the same (refusing it
   * would have the client file it twice; its request row names the client and the time) and the
   * failure is logged.
   */
  private record Client(String id, CompletableFuture<Void> audited) {

    void awaitAudit() {
      try {
        audited.join();
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        LOG.error("the audit of client {}'s key use failed; its filing committed and records the use", id, e);
      }
    }
  }

  /**
   * The client application filing: the key accepted from the {@code X-Api-Key} header, else the
   * spec's {@code api_key} field checked by {@link ApiKeyGate} for {@code open311:write} (audited
   * alongside the filing, limited per key). Refusals in the spec's shape: 403 for a missing, unknown, revoked or
   * out-of-scope key (GeoReport's code for a bad key), 429 over the key's limit. Requests without a
   * key are limited per address too, so probing costs the same as filing.
   */
  private Client client(String key, HttpRequest<?> request) {
    var viaHeader = ApiKeyGate.acceptedKey(request);
    if (viaHeader.isPresent()) {
      return new Client(viaHeader.get().id(), CompletableFuture.completedFuture(null));
    }
    String address = addresses.resolve(request);
    if (key == null) {
      limit(null, address);
      throw new GeoReportError(403, "api_key is missing");
    }
    return switch (keys.checkAlongside(key, ApiKeyScope.OPEN311_WRITE, "POST", request.getPath(), address)) {
      case KeyDecision.Accepted a -> new Client(a.key().id(), a.audited());
      case KeyDecision.Limited l -> throw new GeoReportError(429, "too many requests; retry after "
          + l.retryAfterSeconds() + " s");
      case KeyDecision.Revoked r -> throw new GeoReportError(403, "api_key was revoked");
      case KeyDecision.OutOfScope o -> throw new GeoReportError(403, "api_key lacks the open311:write scope");
      case KeyDecision.Unknown u -> throw new GeoReportError(403, "api_key is not valid");
    };
  }

  /** Takes a token of {@link RateLimits.Rule#OPEN311} for the client (or "-") at the address; 429 when none is left. */
  static void limit(RateLimits limits, String client, String address) {
    OptionalLong wait = limits.take(RateLimits.Rule.OPEN311,
        (client == null ? "-" : client) + "@" + (address == null ? "unknown" : address));
    if (wait.isPresent()) {
      throw new GeoReportError(429, "too many requests; retry after " + wait.getAsLong() + " s");
    }
  }

  /** Takes a token of {@link RateLimits.Rule#OPEN311_READ} for the caller's address; the wait when none is left. */
  private OptionalLong readLimit(HttpRequest<?> request) {
    String address = addresses.resolve(request);
    return limits.take(RateLimits.Rule.OPEN311_READ, address == null ? "unknown" : address);
  }

  private void limit(String client, String address) {
    limit(limits, client, address);
  }

  /** The form as sent (its hash tells a repeat from another request under the same key). */
  static byte[] bytes(String body) {
    return (body == null ? "" : body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Map<String, List<String>> params(HttpRequest<?> request) {
    return request.getParameters().asMap();
  }

  private String base(HttpRequest<?> request) {
    if (!publicUrl.isBlank()) {
      return publicUrl.replaceAll("/$", "");
    }
    String host = request.getHeaders().get("Host");
    return "http://" + (host == null ? "localhost" : host);
  }
}
