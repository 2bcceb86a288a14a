package org.onenumber.server.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.analytics.CategoryTree;
import org.onenumber.core.analytics.ComplaintClassifier;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.analytics.EmergingIssue;
import org.onenumber.core.analytics.SurveillanceSettings;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * Complaint analytics (issue 18): the category tree (every staff role: operators pick from it),
 * classification of a message (operators and supervisors), and the emerging issues raised live or
 * recomputed in batch (supervisors, administrators and analysts; department staff their own
 * department's bursts). No personal data: a classified text is not
 * stored, alerts are counts per category and cell.
 */
@Controller("/api/v1/analytics")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "analytics")
final class AnalyticsController {

  private static final int MAX_TEXT = 2_000;
  private final CategoryTree tree;
  private final ComplaintClassifier classifier;
  private final EmergingIssues issues;
  private final SurveillanceSettings settings;
  private final InstantSource clock;
  private final CitizenDataAccess access;
  private final IssueRows rows;

  AnalyticsController(CategoryTree tree, ComplaintClassifier classifier, EmergingIssues issues,
      SurveillanceSettings settings, InstantSource clock, CitizenDataAccess access, IssueRows rows) {
    this.rows = rows;
    this.access = access;
    this.tree = tree;
    this.classifier = classifier;
    this.issues = issues;
    this.settings = settings;
    this.clock = clock;
  }

  /** A message to classify; {@code limit} guesses (1..10, default 3). */
  @Serdeable
  record ClassifyRequest(@Nullable String text, @Nullable Integer limit) {}

  @Get("/taxonomy")
  @Secured({"OPERATOR", "DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN", "ANALYST"})
  @Operation(summary = "The city's category tree: services, categories and types with Korean and English names and "
      + "the department of each type")
  Map<String, Object> taxonomy() {
    List<Map<String, Object>> types = tree.types().stream().map(AnalyticsController::type).toList();
    List<Map<String, Object>> services = tree.services().stream().map(n -> node(n.code(), n.nameKo(), n.nameEn())).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("services", services);
    body.put("categories", tree.types().stream().map(ComplaintType::category).distinct()
        .map(c -> tree.node(c).map(n -> node(n.code(), n.nameKo(), n.nameEn())).orElseThrow()).toList());
    body.put("types", types);
    return body;
  }

  @Post("/classify")
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Classify a citizen's message into the category tree: the best guesses with their share of "
      + "the nearest past messages' votes (k-NN over the labelled history)")
  Map<String, Object> classify(@Body ClassifyRequest request) {
    if (request == null || request.text() == null || request.text().isBlank()) {
      throw new InvalidInputException("text is required");
    }
    if (request.text().length() > MAX_TEXT) {
      throw new InvalidInputException("text must be at most " + MAX_TEXT + " characters");
    }
    int limit = request.limit() == null ? 3 : request.limit();
    if (limit < 1 || limit > 10) {
      throw new InvalidInputException("limit must be within 1..10");
    }
    List<Map<String, Object>> guesses = classifier.classify(request.text(), limit).stream().map(g -> {
      Map<String, Object> row = type(tree.find(g.label()).orElseThrow());
      row.put("score", Math.round(g.score() * 1000) / 1000.0);
      return row;
    }).toList();
    return Map.of("guesses", guesses);
  }

  @Get("/issues{?source,department}")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN", "ANALYST"})
  @Operation(summary = "Emerging issues: hotspot cells and category bursts above their own baseline "
      + "(p < 0.01 family-wise), raised live from the event stream or recomputed in batch (source=batch); "
      + "department staff see the bursts of their own department's types")
  Map<String, Object> issues(@Nullable @QueryValue String source, @Nullable @QueryValue String department,
      Authentication who) {
    if (source != null && !"live".equals(source) && !"batch".equals(source)) {
      throw new InvalidInputException("source must be live or batch");
    }
    String only = access.departmentFigures(who, department);
    boolean batch = "batch".equals(source);
    List<EmergingIssue> found = (batch ? issues.batch(clock.instant()) : issues.live()).stream()
        .filter(i -> only == null || rows.departmentOf(i).equals(only)).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source", batch ? "batch" : "live");
    body.put("since", issues.since().toString());
    if (!batch) {
      body.put("warm", issues.warm());
    }
    body.put("alpha", settings.alpha());
    body.put("issues", found.stream().map(rows::issue).toList());
    return body;
  }

  static Map<String, Object> type(ComplaintType t) {
    Map<String, Object> row = node(t.code(), t.nameKo(), t.nameEn());
    row.put("service", t.service());
    row.put("category", t.category());
    row.put("department", t.department());
    return row;
  }

  static Map<String, Object> node(String code, String ko, String en) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("code", code);
    row.put("nameKo", ko);
    row.put("nameEn", en);
    return row;
  }
}
