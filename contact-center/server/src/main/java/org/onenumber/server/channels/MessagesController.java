package org.onenumber.server.channels;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.in.SendReply;
import org.onenumber.core.port.in.SendReplyCommand;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.MessageStore;
import org.onenumber.server.api.Views.Items;
import org.onenumber.server.channels.MessageViews.MessageView;
import org.onenumber.server.channels.MessageViews.ReplyRequest;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * A contact's messages: reading the conversation (every direction, media and delivery status)
 * and the operator's reply. A reply to SMS/WhatsApp answers 201 with the message as stored after
 * the provider answered; a provider failure shows as status {@code FAILED} with its error.
 */
@Controller("/api/v1/contacts/{id}/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "messages")
final class MessagesController {

  private final MessageStore store;
  private final ContactJournal journal;
  private final SendReply replies;
  private final CitizenDataAccess access;

  MessagesController(MessageStore store, ContactJournal journal, SendReply replies, CitizenDataAccess access) {
    this.store = store;
    this.journal = journal;
    this.replies = replies;
    this.access = access;
  }

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Operation(summary = "The contact's messages in order, with direction, body, media and delivery status")
  Items<MessageView> list(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    ContactId contact = new ContactId(id);
    access.viewContact(who, request, journal.find(contact).orElseThrow(() -> new NotFoundException("contact", id)),
        "messages");
    return new Items<>(store.byContact(contact).stream().map(MessageView::of).toList());
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Reply to the citizen on the contact's channel")
  MessageView reply(@PathVariable String id, @Body ReplyRequest request, Authentication who) {
    InvalidInputException.require(request, "body");
    access.act(who, journal.find(new ContactId(id)).orElseThrow(() -> new NotFoundException("contact", id)));
    List<URI> media = request.media() == null ? List.of() : request.media().stream().map(URI::create).toList();
    return MessageView.of(replies.send(new SendReplyCommand(new ContactId(id), who.getName(), request.body(), media)));
  }
}
