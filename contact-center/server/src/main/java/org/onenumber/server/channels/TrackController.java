package org.onenumber.server.channels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseAction;
import org.onenumber.core.casework.CaseDueRules;
import org.onenumber.core.casework.CaseEntryKind;
import org.onenumber.core.casework.CaseSatisfaction;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.casework.attachment.CaseAttachment;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.in.ActOnCase;
import org.onenumber.core.port.in.ActOnCaseCommand;
import org.onenumber.core.port.out.CaseAttachments;
import org.onenumber.server.privacy.AccessHistory;

/**
 * The public tracking API behind {@code /track/}: a case number plus the last four digits of the
 * citizen's phone (or a report's tracking token; see {@link CaseTracking}) shows the status, the
 * public notes, the dates and the citizen's own photos — nothing else (no summary, no department's
 * internal notes, no names). Anonymous, and rate-limited per address
 * ({@code onenumber.rate-limits.track-per-minute}) against enumeration; a miss is always the same
 * 404. POST, so that the phone digits stay out of access logs. The same proof shows the citizen who
 * looked at their record ({@link AccessHistory}) and lets them rate the answer of a resolved case
 * ({@link CaseSatisfaction}).
 */
@Controller("/api/v1/track")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tracking")
final class TrackController {

  private final CaseTracking tracking;
  private final ActOnCase desk;
  private final AccessHistory history;
  private final CaseAttachments attachments;
  private final Ratings ratings;

  TrackController(CaseTracking tracking, ActOnCase desk, AccessHistory history, CaseAttachments attachments,
      CaseDueRules rules, InstantSource clock) {
    this.tracking = tracking;
    this.desk = desk;
    this.history = history;
    this.attachments = attachments;
    this.ratings = c -> CaseSatisfaction.awaitsRating(c, clock.instant(), rules.reopenWithin());
  }

  /** Whether a case may be rated now (the reopen window of its resolution, not yet rated). */
  @FunctionalInterface
  interface Ratings {
    boolean open(Case c);
  }

  /** The citizen's rating of the answer: a score 1–5 and an optional comment, with the same proof. */
  @Serdeable
  record RatingRequest(String caseNumber, String phoneLast4, @Nullable String token, Integer score,
      @Nullable String comment) {
    TrackRequest proof() {
      return new TrackRequest(caseNumber, phoneLast4, null, token);
    }
  }

  /**
   * What a citizen types: the case number and the last four digits of their phone, or the
   * tracking token of a report (from the {@code /report/} page's link); a reason to reopen.
   */
  @Serdeable
  record TrackRequest(String caseNumber, String phoneLast4, String reason, @Nullable String token) {}

  /** One public step of the case. */
  @Serdeable
  record TrackStep(String status, Instant at, String publicNote) {}

  /**
   * What the tracking page shows; {@code rating} is the citizen's latest score of the answer (null
   * when none), {@code canRate} whether they may rate it now.
   */
  @Serdeable
  record TrackView(String caseNumber, String status, Instant openedAt, Instant dueAt, Instant updatedAt,
      List<TrackStep> steps, List<AttachmentView> attachments, @Nullable Integer rating, boolean canRate) {
    static TrackView of(Case c, CaseAttachments attachments, Ratings ratings) {
      List<TrackStep> steps = c.history().stream().filter(TrackView::isPublic)
          .map(h -> new TrackStep(h.status().name(), h.at(), h.publicNote())).toList();
      return new TrackView(c.id().value(), c.status().name(), c.openedAt(), c.dueAt(), c.last().at(), steps,
          attachments.of(c.id()).stream().map(AttachmentView::of).toList(),
          CaseSatisfaction.latest(c).orElse(null), ratings.open(c));
    }

    private static boolean isPublic(CaseStatusChange row) {
      return row.kind() == CaseEntryKind.STATUS || row.publicNote() != null;
    }
  }

  @Post
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Track a case by its number and the last four digits of the citizen's phone")
  @ApiResponse(responseCode = "404", description = "no case matches this number and these digits")
  @ApiResponse(responseCode = "429", description = "too many lookups from this address")
  TrackView track(@Body TrackRequest request) {
    return TrackView.of(find(request), attachments, ratings);
  }

  @Post("/reopen")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "The citizen reopens their resolved case within the reopen window, saying why")
  @ApiResponse(responseCode = "409", description = "the case is not resolved, or the reopen window has passed")
  TrackView reopen(@Body TrackRequest request) {
    Case c = find(request);
    return TrackView.of(desk.act(new ActOnCaseCommand(c.id(), c.version(), "citizen",
        new CaseAction.Reopen(request.reason()))), attachments, ratings);
  }

  @Post("/rating")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "The citizen rates the answer of their resolved case (1–5, an optional comment), once per"
      + " answer within the reopen window")
  @ApiResponse(responseCode = "400", description = "the score is not 1 to 5, or the comment is too long")
  @ApiResponse(responseCode = "404", description = "no case matches this number and these digits")
  @ApiResponse(responseCode = "409", description = "the case is not resolved, already rated, or answered too long ago")
  @ApiResponse(responseCode = "429", description = "too many lookups from this address")
  TrackView rate(@Body RatingRequest request) {
    InvalidInputException.require(request, "body");
    InvalidInputException.require(request.score(), "score");
    CaseAction.Rate rate = new CaseAction.Rate(request.score(), request.comment());
    Case c = find(request.proof());
    return TrackView.of(desk.act(new ActOnCaseCommand(c.id(), c.version(), "citizen", rate)), attachments, ratings);
  }

  @Post("/access-log")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "The citizen sees who looked at their record (time, role, action, reason; no staff names)")
  @ApiResponse(responseCode = "404", description = "no case matches this number and these digits")
  @ApiResponse(responseCode = "429", description = "too many lookups from this address")
  AccessHistory.Looks accessLog(@Body TrackRequest request) {
    return history.of(find(request).citizen().value());
  }

  @Post("/attachments/{attachmentId}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "The citizen's own attachment (their photo) of the case their number and phone digits prove")
  @ApiResponse(responseCode = "404", description = "no case matches, or no such attachment on it")
  @ApiResponse(responseCode = "429", description = "too many lookups from this address")
  HttpResponse<byte[]> attachment(@PathVariable String attachmentId, @Body TrackRequest request) {
    Case c = find(request);
    CaseAttachment a = attachments.of(c.id()).stream().filter(x -> x.id().equals(attachmentId)).findFirst()
        .orElseThrow(() -> new NotFoundException("attachment", "on this case"));
    return AttachmentView.content(a, attachments.content(c.id(), a.id())
        .orElseThrow(() -> new NotFoundException("attachment", "on this case")));
  }

  private Case find(TrackRequest request) {
    InvalidInputException.require(request, "body");
    Optional<Case> found = request.token() != null && !request.token().isBlank()
        ? tracking.findByToken(request.token()) : tracking.find(request.caseNumber(), request.phoneLast4());
    return found.orElseThrow(() -> new NotFoundException("case", "matching this number and phone digits"));
  }
}
