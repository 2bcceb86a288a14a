package org.onenumber.server.quality;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.quality.ContactSample;
import org.onenumber.core.quality.Evaluation;
import org.onenumber.core.quality.EvaluationForm;
import org.onenumber.core.quality.Spread;

/**
 * Quality evaluation: supervisors configure forms, draw samples of closed chat/SMS contacts (at
 * random, or one operator's), score a contact beside its transcript (the contact's messages API)
 * and see a calibration's spread when several evaluators scored one contact; an operator reads
 * their own evaluations and scores over time, supervisors anyone's. Scores carry no citizen data.
 */
@Controller("/api/v1/quality")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "quality")
final class QualityController {

  private static final String SEPARATORS = ";|=";
  private final JdbcQualityStore store;
  private final ContactJournal journal;
  private final RandomGenerator random;
  private final InstantSource clock;

  QualityController(JdbcQualityStore store, ContactJournal journal, RandomGenerator random, InstantSource clock) {
    this.store = store;
    this.journal = journal;
    this.random = random;
    this.clock = clock;
  }

  @Get("/forms")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "The evaluation forms with their weighted criteria")
  Map<String, Object> forms() {
    return Map.of("items", store.forms().stream().map(QualityViews::form).toList());
  }

  @Put("/forms/{id}")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Create or change an evaluation form: weighted criteria scored 0..maxPoints")
  Map<String, Object> saveForm(@PathVariable String id, @Body QualityBodies.Form body) {
    InvalidInputException.require(body, "body");
    List<EvaluationForm.Criterion> criteria = InvalidInputException.require(body.criteria(), "criteria").stream()
        .map(c -> new EvaluationForm.Criterion(plain(c.code(), "criterion code"), plain(c.name(), "criterion name"),
            c.weight() == null ? 0 : c.weight())).toList();
    EvaluationForm form = new EvaluationForm(plain(id, "id"), plain(body.name(), "name"),
        InvalidInputException.require(body.maxPoints(), "maxPoints"), criteria);
    store.saveForm(form);
    return QualityViews.form(form);
  }

  @Post("/samples")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Draw contacts to evaluate: closed chat/SMS contacts of the last days, at random, "
      + "optionally one operator's")
  Map<String, Object> sample(@Body QualityBodies.Sample body) {
    int size = body == null || body.size() == null ? 5 : body.size();
    int days = body == null || body.days() == null ? 7 : body.days();
    if (size < 1 || size > 50 || days < 1 || days > 90) {
      throw new InvalidInputException("size must be within 1..50 and days within 1..90");
    }
    String operator = body == null ? null : body.operator();
    List<String> drawn = ContactSample.draw(store.sampleable(clock.instant().minus(Duration.ofDays(days)), operator),
        size, random);
    return Map.of("contacts", drawn);
  }

  @Post("/evaluations")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Score a contact against a form (every criterion 0..maxPoints); scoring again replaces "
      + "the evaluator's earlier scores")
  Map<String, Object> score(@Body QualityBodies.Score body, Authentication who) {
    InvalidInputException.require(body, "body");
    EvaluationForm form = store.form(InvalidInputException.requireText(body.form(), "form"))
        .orElseThrow(() -> new InvalidInputException("form must be one of GET /api/v1/quality/forms"));
    Contact contact = journal.find(new ContactId(InvalidInputException.requireText(body.contact(), "contact")))
        .orElseThrow(() -> new NotFoundException("contact", body.contact()));
    Evaluation e = Evaluation.score(form, contact.id().value(), contact.agent() == null ? null
        : contact.agent().value(), who.getName(), body.points(), clock.instant());
    store.save(e);
    return QualityViews.evaluations(List.of(e)).getFirst();
  }

  @Get("/contacts/{contactId}/calibration")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "A calibration: every evaluator's scores of one contact and their spread")
  Map<String, Object> calibration(@PathVariable String contactId) {
    List<Evaluation> all = store.ofContact(contactId);
    return Map.of("evaluations", QualityViews.evaluations(all), "spread", QualityViews.spread(Spread.of(all)));
  }

  @Get("/operators/{agentId}")
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "An operator's evaluations and their mean score per day (operators their own)")
  Map<String, Object> operator(@PathVariable String agentId, Authentication who) {
    boolean supervises = who.getRoles().contains("SUPERVISOR") || who.getRoles().contains("ADMIN");
    if (!supervises && !who.getName().equals(agentId)) {
      throw new HttpStatusException(HttpStatus.FORBIDDEN, "this record is not part of your work");
    }
    List<Evaluation> all = store.ofOperator(agentId);
    return Map.of("evaluations", QualityViews.evaluations(all), "perDay", QualityTrend.perDay(all),
        "overall", QualityViews.spread(Spread.of(all)));
  }

  private static String plain(String value, String field) {
    String text = InvalidInputException.requireText(value, field).strip();
    if (text.length() > 100 || text.chars().anyMatch(ch -> SEPARATORS.indexOf(ch) >= 0)) {
      throw new InvalidInputException(field + " must be at most 100 characters without ; | =");
    }
    return text;
  }
}
