package org.onenumber.server.channels;

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
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.messaging.Message;
import org.onenumber.core.port.out.MessageOutbox;
import org.onenumber.core.port.out.MessageStore;
import org.onenumber.server.api.Views.Items;

/**
 * Outbound messages given up after their last retriable failure (issue 11), latest first, for
 * supervisors: which message of which contact, on which channel, how many attempts, the last
 * error. No phone number and no text: those stay behind the contact's own audited reads.
 */
@Controller("/api/v1/messages/dead-letters")
@Secured({"SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "messages")
final class DeadLettersController {

  private final MessageOutbox outbox;
  private final MessageStore store;

  DeadLettersController(MessageOutbox outbox, MessageStore store) {
    this.outbox = outbox;
    this.store = store;
  }

  @Serdeable
  record DeadLetterView(String messageId, String contactId, String channel, int attempts, String lastError,
      Instant deadLetteredAt) {}

  @Get
  @Operation(summary = "Outbound messages dead-lettered after their last retry, latest first (supervisors)")
  Items<DeadLetterView> list(@QueryValue @Nullable Integer limit) {
    int n = limit == null ? 100 : limit;
    if (n < 1 || n > 1000) {
      throw new InvalidInputException("limit is between 1 and 1000");
    }
    return new Items<>(outbox.deadLetters(n).stream().map(e -> {
      Message m = store.find(e.message()).orElse(null);
      return new DeadLetterView(e.message().value(), m == null || m.contact() == null ? null : m.contact().value(),
          m == null ? null : m.channel().name(), e.attempts(), e.lastError(), e.deadLetteredAt());
    }).toList());
  }
}
