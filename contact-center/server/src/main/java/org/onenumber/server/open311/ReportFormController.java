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
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onenumber.channels.open311.FormBody;
import org.onenumber.channels.open311.GeoReportDocuments;
import org.onenumber.channels.open311.GeoReportError;
import org.onenumber.channels.open311.ServiceRequestSubmission;
import org.onenumber.core.casework.attachment.AttachToCase;
import org.onenumber.core.casework.attachment.AttachmentTooLargeException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.server.admission.IntakeAdmission;
import org.onenumber.server.admission.IntakeKind;
import org.onenumber.server.api.PhotoField;
import org.onenumber.server.intake.IdempotencyKey;
import org.onenumber.server.security.RateLimits;

/**
 * The citizen's {@code /report/} page files through the same path as an Open311 client: the same
 * form fields (without an api_key), the same validation and filing, as the city's own client
 * application {@value #CLIENT}; the answer is the GeoReport JSON document with the request's
 * {@code token}, which the page turns into the citizen's tracking link. Rate-limited per source
 * address like any client. A photo sent with the form (field {@code photo}, base64) becomes the
 * case's attachment ({@link AttachToCase}): checked before filing, stored after it. Also gives the
 * page its map settings.
 */
@Controller("/report")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "open311")
final class ReportFormController {

  /** The client application row of the web form (created by the V95 migration; it has no key). */
  static final String CLIENT = "web-form";
  private static final String PHOTO = "photo";
  /** The scope of the page's idempotency keys (the page's citizens are anonymous). */
  private static final String SCOPE = "report";

  private final JdbcOpen311Store store;
  private final IdempotentFiling filing;
  private final RateLimits limits;
  private final HttpClientAddressResolver addresses;
  private final String jurisdiction;
  private final MapSettings map;
  private final AttachToCase attach;
  private final IntakeAdmission admission;

  /**
   * What the page's map shows.
   *
   * @param tileUrl a Leaflet tile URL template; empty for no tiles (the map is still a picker)
   */
  @Serdeable
  record MapSettings(String tileUrl, String attribution, double lat, double lon, int zoom) {}

  ReportFormController(JdbcOpen311Store store, IdempotentFiling filing, RateLimits limits,
      HttpClientAddressResolver addresses, AttachToCase attach,
      @Value("${onenumber.open311.jurisdiction-id:onenumber.example}") String jurisdiction,
      @Value("${onenumber.report.tile-url:}") String tileUrl,
      @Value("${onenumber.report.tile-attribution:}") String attribution,
      @Value("${onenumber.report.center-lat:37.5665}") double lat,
      @Value("${onenumber.report.center-long:126.978}") double lon, IntakeAdmission admission) {
    this.admission = admission;
    this.store = store;
    this.filing = filing;
    this.limits = limits;
    this.addresses = addresses;
    this.jurisdiction = jurisdiction;
    this.map = new MapSettings(tileUrl, attribution, lat, lon, 13);
    this.attach = attach;
  }

  @Get("/settings.json")
  @Operation(summary = "The /report/ page's map: tile source (none by default), attribution and centre")
  MapSettings settings() {
    return map;
  }

  @Post("/requests")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "File a report from the /report/ page: the Open311 POST fields without api_key, and an"
      + " optional photo (field photo, base64); GeoReport JSON back")
  HttpResponse<String> file(@Nullable @Body String body, HttpRequest<?> request,
      @Parameter(in = ParameterIn.HEADER, description = "Optional; the page sends one random UUID per form fill, so"
          + " a double submit or a retry files one request (same rules as Idempotency-Key on Open311 POST requests)")
      @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey) {
    boolean[] replayed = new boolean[1];
    MutableHttpResponse<String> response = Open311Responses.answer("json", () -> {
      Open311Controller.limit(limits, CLIENT, addresses.resolve(request));
      var form = FormBody.decode(body);
      form.remove("api_key");
      byte[] photo = photo(FormBody.first(form, PHOTO));
      form.remove(PHOTO);
      var submission = ServiceRequestSubmission.parse(form, store::service, jurisdiction);
      IdempotencyKey key = idempotencyKey == null ? null
          : IdempotencyKey.of(SCOPE, idempotencyKey, Open311Controller.bytes(body));
      IdempotentFiling.Answer filed;
      try (var permit = admission.enter(IntakeKind.REPORT)) {
        filed = filing.file(submission, CLIENT, key, f -> {
          if (photo != null) {
            attach.attach(f.opened().id(), photo, CLIENT, "citizen");
          }
        });
      }
      replayed[0] = filed.replayed();
      return GeoReportDocuments.createdWithToken(filed.serviceRequestId(), filed.notice(), filed.token());
    });
    return replayed[0] ? response.header(Open311Controller.REPLAYED, "true") : response;
  }

  /**
   * The photo field: base64, or a {@code data:} URL of it; checked (size, sniffed type) before
   * anything is filed, so a refused photo files nothing.
   */
  private byte[] photo(String field) {
    byte[] bytes;
    try {
      bytes = PhotoField.decode(field);
    } catch (InvalidInputException e) {
      throw GeoReportError.badRequest(e.getMessage());
    }
    if (bytes == null) {
      return null;
    }
    try {
      attach.check(bytes);
    } catch (AttachmentTooLargeException e) {
      throw new GeoReportError(413, e.getMessage());
    }
    return bytes;
  }
}
