package org.onenumber.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerDesk;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.server.api.AnswerViews.AnswerRequest;
import org.onenumber.server.api.AnswerViews.AnswerView;
import org.onenumber.server.api.AnswerViews.HitView;
import org.onenumber.server.api.AnswerViews.SearchView;
import org.onenumber.server.api.AnswerViews.SuggestionRequest;
import org.onenumber.server.api.AnswerViews.VersionView;
import org.onenumber.server.api.Views.Items;

/**
 * Answers: operator search and suggestions (any logged-in user), and the authoring workflow.
 * Department staff and admins create and edit drafts and submit them; supervisors and admins
 * publish, send back, expire and archive. Every change is versioned with the login as author.
 */
@Controller("/api/v1/answers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "answers")
final class AnswersController {

  private static final String STAFF = "DEPARTMENT_STAFF";
  private static final String SUPERVISOR = "SUPERVISOR";
  private static final String ADMIN = "ADMIN";
  static final int MAX_LANGUAGES = 10;

  private final AnswerDesk desk;
  private final java.time.InstantSource clock;

  AnswersController(AnswerDesk desk, java.time.InstantSource clock) {
    this.desk = desk;
    this.clock = clock;
  }

  @Get("/search")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Operation(summary = "Search live answers: BM25 with title over keywords over body, filters, facets by department"
      + " and category, highlighted snippets, did-you-mean. 'languages' (comma-separated, e.g. ko,en) searches"
      + " several languages, the first (the conversation's) ranking first on equal evidence; 'lang' is one language")
  SearchView search(@QueryValue(defaultValue = "") String q, @Nullable @QueryValue String lang,
      @Nullable @QueryValue String languages, @Nullable @QueryValue String department,
      @Nullable @QueryValue String category, @Nullable @QueryValue String audience,
      @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "10") int size,
      @QueryValue(defaultValue = "false") boolean all) {
    List<Language> ordered = languages(lang, languages);
    AnswerQuery query = new AnswerQuery(q, ordered.isEmpty() ? null : ordered.getFirst(), department, category,
        audience == null ? null : AnswerViews.parseAudience(audience), all, clock.instant(), page, size,
        ordered.isEmpty() ? List.of() : ordered.subList(1, ordered.size()));
    return SearchView.of(desk.search(query));
  }

  @Post("/suggestions")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Operation(summary = "Live answers for a citizen's message, sent in the body so that no proxy or access log sees"
      + " it: its content words only (Korean particles and endings, English stop words and greetings dropped), in"
      + " 'lang' then 'languages' (the conversation's first; none to guess from the message); at most 'limit'"
      + " (default 3); an empty list rather than answers below the relevance floor")
  Items<HitView> suggestions(@Body SuggestionRequest request) {
    String languages = request.languages() == null ? null : String.join(",", request.languages());
    int limit = request.limit() == null ? 3 : request.limit();
    return new Items<>(desk.suggestFor(request.message() == null ? "" : request.message(),
        languages(request.lang(), languages), limit).stream().map(HitView::of).toList());
  }

  @Get("/suggest")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Operation(summary = "Titles of live answers whose words start with what was typed")
  Items<String> suggest(@QueryValue(defaultValue = "") String q, @Nullable @QueryValue String lang,
      @QueryValue(defaultValue = "8") int limit) {
    return new Items<>(desk.suggest(q, lang == null || lang.isBlank() ? null : Language.of(lang), limit));
  }

  @Get("/{id}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Operation(summary = "One answer at its current version, whatever its status")
  AnswerView get(@PathVariable String id) {
    return AnswerView.of(desk.get(new AnswerId(id)));
  }

  @Get("/{id}/history")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Operation(summary = "Every version of an answer with its author and time, oldest first")
  Items<VersionView> history(@PathVariable String id) {
    return new Items<>(desk.history(new AnswerId(id)).stream().map(VersionView::of).toList());
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Secured({STAFF, ADMIN})
  @Operation(summary = "Create a draft answer")
  AnswerView create(@Body AnswerRequest request, Authentication who) {
    AnswerContent content = request.toContent();
    requireOwnDepartment(who, content.department());
    return AnswerView.of(desk.createDraft(content, who.getName()));
  }

  @Put("/{id}")
  @Secured({STAFF, ADMIN})
  @Operation(summary = "Edit a draft; 'version' must be the version you edited (409 when someone else changed it)")
  AnswerView edit(@PathVariable String id, @Body AnswerRequest request, Authentication who) {
    InvalidInputException.require(request.version(), "version");
    requireOwnDepartment(who, desk.get(new AnswerId(id)).content().department());
    AnswerContent content = request.toContent();
    requireOwnDepartment(who, content.department());
    return AnswerView.of(desk.editDraft(new AnswerId(id), request.version(), content, who.getName()));
  }

  @Post("/{id}/submit")
  @Secured({STAFF, ADMIN})
  @Operation(summary = "Submit a draft for review")
  AnswerView submit(@PathVariable String id, Authentication who) {
    return move(id, ReviewStatus.IN_REVIEW, who);
  }

  @Post("/{id}/reopen")
  @Secured({STAFF, SUPERVISOR, ADMIN})
  @Operation(summary = "Back to draft for editing (from review, published or expired)")
  AnswerView reopen(@PathVariable String id, Authentication who) {
    return move(id, ReviewStatus.DRAFT, who);
  }

  @Post("/{id}/publish")
  @Secured({SUPERVISOR, ADMIN})
  @Operation(summary = "Publish an answer in review: searchable within 100 ms")
  AnswerView publish(@PathVariable String id, Authentication who) {
    return move(id, ReviewStatus.PUBLISHED, who);
  }

  @Post("/{id}/expire")
  @Secured({SUPERVISOR, ADMIN})
  @Operation(summary = "Expire a published answer now")
  AnswerView expire(@PathVariable String id, Authentication who) {
    return move(id, ReviewStatus.EXPIRED, who);
  }

  @Post("/{id}/archive")
  @Secured({SUPERVISOR, ADMIN})
  @Operation(summary = "Archive an answer for good")
  AnswerView archive(@PathVariable String id, Authentication who) {
    return move(id, ReviewStatus.ARCHIVED, who);
  }

  private AnswerView move(String id, ReviewStatus to, Authentication who) {
    requireOwnDepartment(who, desk.get(new AnswerId(id)).content().department());
    return AnswerView.of(desk.moveTo(new AnswerId(id), to, who.getName()));
  }

  /**
   * {@code lang} then the comma-separated {@code languages}, in order, without repeats; empty when
   * neither is given. At most {@value #MAX_LANGUAGES} (400 otherwise).
   */
  static List<Language> languages(@Nullable String lang, @Nullable String languages) {
    Set<Language> ordered = new LinkedHashSet<>();
    if (lang != null && !lang.isBlank()) {
      ordered.add(Language.of(lang));
    }
    if (languages != null) {
      for (String code : languages.split(",")) {
        if (!code.isBlank()) {
          ordered.add(Language.of(code));
        }
      }
    }
    if (ordered.size() > MAX_LANGUAGES) {
      throw new InvalidInputException("at most " + MAX_LANGUAGES + " languages");
    }
    return List.copyOf(ordered);
  }

  /**
   * Department staff write their own department's answers only (403 otherwise); supervisors and
   * admins any department's.
   */
  private static void requireOwnDepartment(Authentication who, String department) {
    if (who.getRoles().contains(STAFF) && !who.getRoles().contains(ADMIN)
        && !Objects.equals(who.getAttributes().get("department"), department)) {
      throw new HttpStatusException(HttpStatus.FORBIDDEN,
          who.getName() + " may only write answers of department " + who.getAttributes().get("department"));
    }
  }
}
