package org.onenumber.server.channels;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.media.MediaFetchJob;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.MediaFetchJobs;
import org.onenumber.server.api.Views.Items;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * The pictures a case's citizen linked to (Open311 {@code media_url}, MMS media) and how fetching
 * them went: pending (with the tries so far), done (the attachment has the link's id) or failed with
 * the reason. For the same people as the case's attachments; audited as a view of the case.
 */
@Controller("/api/v1/cases/{id}/media-links")
@Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cases")
final class MediaLinksController {

  /** One linked picture: {@code state} PENDING, DONE or FAILED; {@code error} why the last try failed. */
  @Serdeable
  record MediaLinkView(String id, String source, String url, String state, int attempts, String error,
      Instant createdAt) {
    static MediaLinkView of(MediaFetchJob j) {
      return new MediaLinkView(j.id(), j.source(), j.url().toString(), j.state().name(), j.attempts(), j.error(),
          j.createdAt());
    }
  }

  private final CaseRegistry cases;
  private final MediaFetchJobs jobs;
  private final CitizenDataAccess access;

  MediaLinksController(CaseRegistry cases, MediaFetchJobs jobs, CitizenDataAccess access) {
    this.cases = cases;
    this.jobs = jobs;
    this.access = access;
  }

  @Get
  @Operation(summary = "The case's linked pictures (Open311 media_url, MMS) and whether fetching them worked")
  Items<MediaLinkView> list(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    Case c = cases.find(new CaseId(id)).orElseThrow(() -> new NotFoundException("case", id));
    access.viewCase(who, request, c);
    return new Items<>(jobs.ofCase(c.id()).stream().map(MediaLinkView::of).toList());
  }
}
