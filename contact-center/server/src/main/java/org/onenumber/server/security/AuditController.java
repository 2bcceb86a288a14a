package org.onenumber.server.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.AuditLog;

/** Administrators read the audit trail (who viewed whose data, and why) and check its hash chain. */
@Controller("/api/v1/audit")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "audit")
final class AuditController {

  private static final int MAX = 1_000;
  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @Serdeable
  record Entries(List<EntryView> items) {}

  @Serdeable
  record EntryView(String actor, String role, String action, String recordType, String recordId, String citizenId,
      String reason, String source, Instant at) {
    static EntryView of(AuditEntry e) {
      return new EntryView(e.actor(), e.role(), e.action(), e.recordType(), e.recordId(), e.citizen(), e.reason(),
          e.source(), e.at());
    }
  }

  @Serdeable
  record Chain(long entries, boolean intact, long firstBroken) {}

  @Get("{?citizenId,actor,from,to,limit}")
  @Operation(summary = "Audit entries, oldest first, filtered by citizen, actor and time (ISO-8601 instants)")
  Entries find(@Nullable @QueryValue String citizenId, @Nullable @QueryValue String actor,
      @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue Integer limit) {
    int n = limit == null ? 200 : limit;
    if (n < 1 || n > MAX) {
      throw new InvalidInputException("limit must be 1.." + MAX);
    }
    return new Entries(audit.find(blank(citizenId), blank(actor), instant(from, "from"), instant(to, "to"), n)
        .stream().map(EntryView::of).toList());
  }

  @Get("/verify")
  @Operation(summary = "Recompute the hash chain: intact, or the position of the first entry that was changed")
  Chain verify() {
    AuditLog.Verification v = audit.verify();
    return new Chain(v.entries(), v.intact(), v.firstBroken());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Instant instant(String text, String name) {
    try {
      return text == null || text.isBlank() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name + " must be an ISO-8601 instant such as 2026-12-01T09:00:00Z");
    }
  }
}
