package org.onenumber.server.call;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onenumber.channels.call.CallQuality;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;

/**
 * {@code GET /api/v1/contacts/{id}/call-quality}: the latest connection-quality summary of a
 * browser call (time to first frame, round trip, loss, frame rate, bitrate), for supervisors and
 * admins. No personal data: measurements of the connection only. 404 when the contact was no
 * browser call or its console never reported.
 */
@Controller("/api/v1/contacts/{id}/call-quality")
@Secured({"SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "contacts")
final class CallQualityController {

  /** The summary as JSON; null fields were not measured. */
  @Serdeable
  record QualityView(@Nullable Long firstFrameMs, @Nullable Long rttMs, @Nullable Double lossPercent,
      @Nullable Double fps, @Nullable Long bitrateKbps, @Nullable Long framesDecoded) {
    static QualityView of(CallQuality q) {
      return new QualityView(q.firstFrameMs(), q.rttMs(), q.lossPercent(), q.fps(), q.bitrateKbps(), q.framesDecoded());
    }
  }

  private final JdbcCallQuality quality;

  CallQualityController(JdbcCallQuality quality) {
    this.quality = quality;
  }

  @Get
  @Operation(summary = "A browser call's connection quality as the operator's console measured it")
  QualityView get(@PathVariable String id) {
    if (id.isBlank() || id.length() > 64) {
      throw new InvalidInputException("contact id must be 1 to 64 characters");
    }
    return quality.find(new ContactId(id)).map(QualityView::of).orElseThrow(() -> new NotFoundException("call quality", id));
  }
}
