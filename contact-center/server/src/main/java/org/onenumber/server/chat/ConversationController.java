package org.onenumber.server.chat;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onenumber.core.contact.ContactId;

/**
 * The operator's side of a live chat: whether the citizen is connected or typing, their survey
 * answer, and telling them the operator is typing. The console polls {@code presence}.
 */
@Controller("/api/v1/contacts/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "messages")
final class ConversationController {

  /** Presence of the citizen in a chat, and their survey answer once given. */
  @Serdeable
  record Presence(boolean citizenConnected, boolean citizenTyping, Integer satisfaction, Boolean resolved) {}

  private final ChatHub hub;
  private final JdbcSurveys surveys;

  ConversationController(ChatHub hub, JdbcSurveys surveys) {
    this.hub = hub;
    this.surveys = surveys;
  }

  @Get("/presence")
  @Operation(summary = "Whether the chat citizen is connected and typing, and their survey answer")
  Presence presence(@PathVariable String id) {
    ContactId contact = new ContactId(id);
    var survey = surveys.find(contact);
    return new Presence(hub.isCitizenConnected(contact), hub.isCitizenTyping(contact),
        survey.map(JdbcSurveys.Survey::satisfaction).orElse(null), survey.map(JdbcSurveys.Survey::resolved).orElse(null));
  }

  @Post("/typing")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Show the chat citizen that the operator is typing")
  void typing(@PathVariable String id) {
    hub.operatorTyping(new ContactId(id));
  }
}
