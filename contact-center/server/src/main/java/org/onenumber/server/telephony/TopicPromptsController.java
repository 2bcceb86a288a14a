package org.onenumber.server.telephony;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.onenumber.core.port.in.ServeSelf;
import org.onenumber.telephony.asterisk.TopicPrompts;

/**
 * The recordings the Asterisk topic menu needs now ({@link TopicPrompts}): file, language, the words
 * to record and their fingerprint, generated from the configured self-service topics and their
 * answers' current text. {@code telephony/asterisk/sounds/prompts-to-record} compares the
 * fingerprints with those of the files recorded and lists what to record again. Supervisors and
 * admins; no citizen data.
 */
@Controller("/api/v1/telephony/prompts")
@Secured({"SUPERVISOR", "ADMIN"})
final class TopicPromptsController {

  /** One file to record. */
  @Serdeable
  record PromptView(String file, String language, String text, String fingerprint) {}

  /** Every topic-menu recording, by language then file. */
  @Serdeable
  record PromptList(List<PromptView> recordings) {}

  private final ServeSelf selfService;

  TopicPromptsController(ServeSelf selfService) {
    this.selfService = selfService;
  }

  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Operation(summary = "The Asterisk topic-menu recordings to make: per language the topic menu and each topic's "
      + "answer, their words from the answer database and a fingerprint that changes with the words")
  PromptList list() {
    return new PromptList(TopicPrompts.of(selfService).stream()
        .map(r -> new PromptView(r.file(), r.language(), r.text(), r.fingerprint())).toList());
  }
}
