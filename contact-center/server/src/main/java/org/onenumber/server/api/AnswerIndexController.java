package org.onenumber.server.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.knowledge.AnswerImport;
import org.onenumber.core.knowledge.ImportReport;
import org.onenumber.knowledge.faq.FaqTsvReader;
import org.onenumber.server.api.AnswerViews.ImportView;
import org.onenumber.server.api.AnswerViews.ProgressView;
import org.onenumber.server.knowledge.AnswerIndexKeeper;

/**
 * Bulk import and index maintenance (supervisors and admins): import a faq-tsv corpus as
 * published answers (synchronously; progress is logged and readable meanwhile), rebuild the index
 * from the database in the background, and read the progress of both.
 */
@Controller("/api/v1")
@Secured({"SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "answers")
final class AnswerIndexController {

  private final AnswerImport importer;
  private final AnswerIndexKeeper keeper;

  AnswerIndexController(AnswerImport importer, AnswerIndexKeeper keeper) {
    this.importer = importer;
    this.keeper = keeper;
  }

  @Post(uri = "/answers/import", consumes = {"text/tab-separated-values", MediaType.TEXT_PLAIN,
      MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "Import a corpus (format=faq-tsv: question→title, answer→body, sourceName→department,"
      + " language, ID→external id) as published answers; answers with the accepted count")
  ImportView importAnswers(@QueryValue String format, @Body String file, Authentication who) {
    if (!"faq-tsv".equals(format)) {
      throw new InvalidInputException("format must be faq-tsv");
    }
    long records = FaqTsvReader.countRecords(new StringReader(file));
    try (FaqTsvReader reader = new FaqTsvReader(new StringReader(file))) {
      ImportReport report = importer.importAnswers(reader, records, who.getName(),
          keeper::importProgressed);
      var rejected = new java.util.ArrayList<>(reader.rejected());
      rejected.addAll(report.rejected());
      return new ImportView(report.accepted(), rejected.size(), rejected.stream().limit(20).toList());
    }
  }

  @Get("/answer-index/import-progress")
  @Operation(summary = "Progress of the latest import: done, total, percent, answers per second")
  ProgressView importProgress() {
    return ProgressView.of(keeper.importProgress());
  }

  @Post("/answer-index/rebuild")
  @Secured("ADMIN")
  @Operation(summary = "Rebuild the search index from the database in the background (202; 409 when running)")
  HttpResponse<ProgressView> rebuild() {
    boolean started = keeper.startRebuild();
    return (started ? HttpResponse.<ProgressView>accepted() : HttpResponse.<ProgressView>status(
        io.micronaut.http.HttpStatus.CONFLICT)).body(ProgressView.of(keeper.rebuildProgress()));
  }

  @Get("/answer-index")
  @Operation(summary = "Progress of the latest index rebuild: done, total, percent, documents per second")
  ProgressView rebuildProgress() {
    return ProgressView.of(keeper.rebuildProgress());
  }
}
