package org.onenumber.server.channels;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.attachment.AttachToCase;
import org.onenumber.core.casework.attachment.CaseAttachment;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.CaseAttachments;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.server.api.PhotoField;
import org.onenumber.server.api.Views.Items;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * A case's attachments for the people whose work needs them: staff of the department that owns
 * the case now, supervisors and administrators (403 for anyone else, before anything is read).
 * The list is audited as a view of the case, each picture as a view of that attachment. Staff of
 * that department (and supervisors, administrators) may add a photo; it is audited as an action on
 * the case and as the attachment added, with the staff member as its {@code addedBy}.
 */
@Controller("/api/v1/cases/{id}/attachments")
@Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cases")
final class CaseAttachmentsController {

  /** The source of photos staff add on the case page. */
  static final String STAFF = "staff";

  private final CaseRegistry cases;
  private final CaseAttachments attachments;
  private final CitizenDataAccess access;
  private final AttachToCase attach;

  CaseAttachmentsController(CaseRegistry cases, CaseAttachments attachments, CitizenDataAccess access,
      AttachToCase attach) {
    this.attach = attach;
    this.cases = cases;
    this.attachments = attachments;
    this.access = access;
  }

  @Get
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "The case's attachments (the citizen's photos): type, size, SHA-256, source, time; no bytes")
  Items<AttachmentView> list(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    Case c = find(id);
    access.viewCase(who, request, c);
    return new Items<>(attachments.of(c.id()).stream().map(AttachmentView::forStaff).toList());
  }

  /** A staff member's photo for the case (base64 or a {@code data:} URL in {@code photo}). */
  @Serdeable
  record PhotoUpload(String photo) {}

  @Post
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Status(HttpStatus.CREATED)
  @Operation(summary = "Adds a staff member's photo to the case: type sniffed from the bytes, size-limited, audited")
  @ApiResponse(responseCode = "413", description = "the photo is larger than onenumber.cases.attachments.max-bytes")
  AttachmentView add(@PathVariable String id, @Body PhotoUpload body, Authentication who, HttpRequest<?> request) {
    Case c = find(id);
    access.actOnCase(who, request, c);
    byte[] bytes = PhotoField.decode(body == null ? null : body.photo());
    if (bytes == null) {
      throw new InvalidInputException("photo is required");
    }
    CaseAttachment a = attach.attach(c.id(), bytes, STAFF, who.getName());
    access.attachToCase(who, request, c, a.id());
    return AttachmentView.forStaff(a);
  }

  @Get("/{attachmentId}")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "One attachment's bytes with its sniffed type; every read audited")
  @ApiResponse(responseCode = "404", description = "no such attachment on this case")
  HttpResponse<byte[]> content(@PathVariable String id, @PathVariable String attachmentId, Authentication who,
      HttpRequest<?> request) {
    Case c = find(id);
    access.viewCase(who, request, c);
    CaseAttachment a = attachments.of(c.id()).stream().filter(x -> x.id().equals(attachmentId)).findFirst()
        .orElseThrow(() -> new NotFoundException("attachment", "on this case"));
    access.viewCaseAttachment(who, request, c, a.id());
    byte[] bytes = attachments.content(c.id(), a.id())
        .orElseThrow(() -> new NotFoundException("attachment", "on this case"));
    return AttachmentView.content(a, bytes);
  }

  private Case find(String id) {
    return cases.find(new CaseId(id)).orElseThrow(() -> new NotFoundException("case", id));
  }
}
