package org.onenumber.server.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onenumber.core.analytics.CategoryTree;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.server.analytics.JdbcComplaintCategories.CaseCategory;
import org.onenumber.server.analytics.JdbcComplaintCategories.Source;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * A case's category in the city's tree: read by whoever may see the case, corrected by the
 * department's staff or a supervisor (source {@code STAFF}, kept from then on). Both audited as a
 * view of or an act on the case.
 */
@Controller("/api/v1/cases/{id}/category")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "analytics")
final class CaseCategoriesController {

  private final CaseRegistry cases;
  private final JdbcComplaintCategories stored;
  private final Dispositions dispositions;
  private final CategoryTree tree;
  private final CitizenDataAccess access;
  private final InstantSource clock;

  CaseCategoriesController(CaseRegistry cases, JdbcComplaintCategories stored, Dispositions dispositions,
      CategoryTree tree, CitizenDataAccess access, InstantSource clock) {
    this.cases = cases;
    this.stored = stored;
    this.dispositions = dispositions;
    this.tree = tree;
    this.access = access;
    this.clock = clock;
  }

  /** {@code category}: a type code of the city's tree. */
  @Serdeable
  record CategoryBody(@Nullable String category) {}

  @Get
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "A case's category (type of the city's tree) and who gave it: CONTACT (the operator's "
      + "disposition), AUTOMATIC (classified from the citizen's words) or STAFF (corrected)")
  Map<String, Object> read(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    Case c = find(id);
    access.viewCase(who, request, c);
    return view(id, stored.caseCategory(id).orElse(null));
  }

  @Put
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Correct a case's category (department staff of the case's department, supervisors); "
      + "the correction is kept when the contact's disposition changes later")
  Map<String, Object> correct(@PathVariable String id, @Body CategoryBody body, Authentication who,
      HttpRequest<?> request) {
    ComplaintType type = dispositions.check(body == null ? null : body.category());
    Case c = find(id);
    access.actOnCase(who, request, c);
    stored.classifyCase(id, type.code(), Source.STAFF, who.getName(), clock.instant());
    return view(id, stored.caseCategory(id).orElseThrow());
  }

  private Case find(String id) {
    return cases.find(new CaseId(id)).orElseThrow(() -> new NotFoundException("case", id));
  }

  private Map<String, Object> view(String id, CaseCategory category) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseId", id);
    if (category != null) {
      ComplaintType t = tree.find(category.type()).orElse(null);
      body.put("category", category.type());
      if (t != null) {
        body.put("nameKo", t.nameKo());
        body.put("nameEn", t.nameEn());
        body.put("department", t.department());
      }
      body.put("source", category.source().name());
      body.put("chosenBy", category.chosenBy());
      body.put("at", category.at().toString());
    }
    return body;
  }
}
