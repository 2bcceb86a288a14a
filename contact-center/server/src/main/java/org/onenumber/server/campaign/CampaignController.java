package org.onenumber.server.campaign;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.onenumber.core.campaign.Audience;
import org.onenumber.core.campaign.Campaign;
import org.onenumber.core.campaign.CampaignReport;
import org.onenumber.core.campaign.Campaigns;
import org.onenumber.core.error.InvalidInputException;

/**
 * Supervisors' SMS campaigns: preview (count and text, no personal data), create with a send time
 * and throughput limit, list, and each campaign's delivery report. Supervisors and administrators only.
 */
@Controller("/api/v1/campaigns")
@Secured({"SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "campaigns")
final class CampaignController {

  /** Whom to reach: {@code audience} is {@code seniors-of-district} or {@code open-cases-in-category}. */
  @Serdeable
  record PreviewRequest(String audience, String value, String text) {}

  /** A new campaign; {@code sendAt} (ISO-8601) absent or past means now. */
  @Serdeable
  record CampaignRequest(String name, String text, String audience, String value, String sendAt, Integer perSecond) {}

  @Serdeable
  record PreviewView(int recipients, String sampleText) {}

  /** The delivery report (see {@link CampaignReport}). */
  @Serdeable
  record ReportView(int recipients, int pending, int sent, int delivered, int failed, int skipped) {}

  @Serdeable
  record CampaignView(String id, String name, String text, String audience, String value, String sendAt,
      int perSecond, String state, String createdBy, ReportView report) {}

  private final Campaigns campaigns;

  CampaignController(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Post("/preview")
  @Operation(summary = "Preview a campaign: how many citizens the audience reaches today, and the text")
  PreviewView preview(@Body PreviewRequest request) {
    Campaigns.Preview p = campaigns.preview(Audience.of(request.audience(), request.value()), request.text());
    return new PreviewView(p.recipients(), p.sampleText());
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Operation(summary = "Create and schedule an SMS campaign to an audience, with a throughput limit")
  CampaignView create(@Body CampaignRequest request, Authentication who) {
    InvalidInputException.require(request.perSecond(), "perSecond");
    Instant sendAt = null;
    if (request.sendAt() != null && !request.sendAt().isBlank()) {
      try {
        sendAt = Instant.parse(request.sendAt());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("sendAt is an ISO-8601 instant such as 2027-07-01T09:00:00Z");
      }
    }
    Campaign c = campaigns.create(UUID.randomUUID().toString(), request.name(), request.text(),
        Audience.of(request.audience(), request.value()), sendAt, request.perSecond(), who.getName());
    return view(c);
  }

  @Get
  @Operation(summary = "Campaigns, newest first, each with its delivery report")
  List<CampaignView> list() {
    return campaigns.list(100).stream().map(this::view).toList();
  }

  @Get("/{id}")
  @Operation(summary = "One campaign and its delivery report: pending, sent, delivered, failed, skipped (STOP)")
  CampaignView one(String id) {
    return view(campaigns.find(id));
  }

  private CampaignView view(Campaign c) {
    return new CampaignView(c.id(), c.name(), c.text(), c.audience().kind(), c.audience().value(),
        c.sendAt().toString(), c.perSecond(), c.state().name(), c.createdBy(), report(campaigns.report(c.id())));
  }

  private static ReportView report(CampaignReport r) {
    return new ReportView(r.recipients(), r.pending(), r.sent(), r.delivered(), r.failed(), r.skipped());
  }
}
