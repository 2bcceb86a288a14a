package org.onenumber.server.ops;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.util.Map;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.event.SurveyAnswered;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.JdbcServiceLevelFacts;

/**
 * The post-contact survey: the citizen (through the SMS link or the chat widget) says whether
 * the request was resolved and scores 1–5. One answer per closed contact; stored, then published
 * as {@link SurveyAnswered}.
 */
@Controller("/api/v1/surveys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "surveys")
final class SurveysController {

  /** The survey form. */
  @Serdeable
  record SurveyRequest(String contactId, Boolean resolved, Integer score) {}

  private final ContactJournal journal;
  private final JdbcServiceLevelFacts facts;
  private final VertxEventPublisher events;
  private final InstantSource clock;

  SurveysController(ContactJournal journal, JdbcServiceLevelFacts facts, VertxEventPublisher events, InstantSource clock) {
    this.journal = journal;
    this.facts = facts;
    this.events = events;
    this.clock = clock;
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Answer the survey of a closed contact: resolved? and a score 1-5")
  Map<String, Object> answer(@Body SurveyRequest request) {
    String id = InvalidInputException.requireText(request.contactId(), "contactId");
    InvalidInputException.require(request.resolved(), "resolved");
    InvalidInputException.require(request.score(), "score");
    Contact contact = journal.find(new ContactId(id)).orElseThrow(() -> new NotFoundException("contact", id));
    if (contact.state() != ContactState.CLOSED) {
      throw new IllegalTransitionException("survey of contact " + id, contact.state(), ContactState.CLOSED);
    }
    SurveyAnswered answer = new SurveyAnswered(contact.id(), request.resolved(), request.score(), clock.instant());
    if (!facts.saveSurvey(answer)) {
      throw new InvalidInputException("contact " + id + " already has a survey answer");
    }
    events.publish(answer);
    return Map.of("contactId", id, "resolved", answer.resolved(), "score", answer.score());
  }
}
