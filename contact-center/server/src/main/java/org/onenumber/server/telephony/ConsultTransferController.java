package org.onenumber.server.telephony;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Department;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.AgentDevices;
import org.onenumber.core.port.out.CallControl;
import org.onenumber.core.port.out.Directory;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.api.ApiError;
import org.onenumber.server.routing.RoutingHost;
import org.onenumber.server.telephony.CallViews.CallState;

/**
 * Consult (attended) transfer, carrier-independent, with the checks of {@link CallControlController}
 * (404, 409 not tracked, 403 not the holder or a supervisor, 409 {@code no_call}):
 *
 * <ol>
 *   <li>consult: routing {@code Consult} (the call is HELD, the journal step says whom), then the
 *       carrier's {@code consult} to the operator's device or the department's desk number.
 *   <li>complete: to an operator, routing {@code Handover} (HELD → CONNECTED with them, the hold
 *       counted); to a department, routing {@code Transfer} to it (the call leaves the center); then
 *       the carrier's {@code completeConsult}.
 *   <li>cancel: routing {@code Resume}, then the carrier's {@code cancelConsult}.
 * </ol>
 * Completing or cancelling with no consult under way is 409 {@code illegal_transition}; so is completing
 * after the consulted party left (the carrier's {@code consultPartyLeft}: their leg hung up or was not
 * reached), checked before routing moves anything, so the caller stays on hold with the operator.
 */
@Controller("/api/v1/contacts/{contactId}/call/consult")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "call controls")
final class ConsultTransferController {

  private final RoutingHost routing;
  private final CallControls carriers;
  private final CallAccess access;
  private final Directory directory;
  private final AgentDevices devices;
  private final ConsultTargets consults;

  ConsultTransferController(RoutingHost routing, CallControls carriers, CallAccess access, Directory directory,
      AgentDevices devices, ConsultTargets consults) {
    this.routing = routing;
    this.carriers = carriers;
    this.access = access;
    this.directory = directory;
    this.devices = devices;
    this.consults = consults;
  }

  @Post
  @Operation(summary = "Consult (attended) transfer, first step: hold the caller and call exactly one of an "
      + "operator (on their device) or a department's desk on a consultation leg")
  @ApiResponse(responseCode = "409", description = "not a connected call, or no carrier carries it (no_call)")
  CallState consult(@PathVariable String contactId, @Body CallBodies.Consult body, Authentication who) {
    CallControl carrier = carriers.require(access.controllable(contactId, who).id());
    ContactId id = new ContactId(contactId);
    if ((body.agent() == null) == (body.department() == null)) {
      throw new InvalidInputException("a consult names exactly one of agent, department");
    }
    ConsultTargets.Target target;
    String destination;
    if (body.agent() != null) {
      AgentId agent = new AgentId(body.agent());
      destination = devices.deviceOf(agent)
          .orElseThrow(() -> new InvalidInputException("agent has no phone device to consult"));
      target = new ConsultTargets.Target(agent, null);
    } else {
      Department department = directory.department(new DepartmentId(body.department()))
          .orElseThrow(() -> new InvalidInputException("department is not a known department"));
      destination = department.deskPhone();
      target = new ConsultTargets.Target(null, department.id());
    }
    Decisions decisions = routing.handle(new RoutingCommand.Consult(id, target.label()));
    consults.start(id, target);
    carrier.consult(id, destination);
    return after(id, decisions, "consult");
  }

  @Post("/complete")
  @Operation(summary = "Complete the consult: the caller is connected with the consulted operator (the contact "
      + "becomes theirs) or department (the call leaves the center), and the first operator leaves")
  @ApiResponse(responseCode = "409", description = "no consult under way, the consulted party has left (hung "
      + "up or not reached: the caller stays on hold with the operator, who cancels), the consulted operator is "
      + "busy, or no carrier carries the call (no_call)")
  CallState complete(@PathVariable String contactId, Authentication who) {
    CallControl carrier = carriers.require(access.controllable(contactId, who).id());
    ContactId id = new ContactId(contactId);
    ConsultTargets.Target target = underWay(id, "completed");
    if (carrier.consultPartyLeft(id)) {
      throw new IllegalTransitionException("consult of contact " + id.value(), "consulted party left", "completed");
    }
    Decisions decisions = routing.handle(target.agent() != null
        ? new RoutingCommand.Handover(id, target.agent())
        : new RoutingCommand.Transfer(id, null, null, target.department(), true));
    consults.end(id);
    carrier.completeConsult(id);
    return after(id, decisions, "consult-complete");
  }

  @Post("/cancel")
  @Operation(summary = "Cancel the consult: the consultation leg is hung up and the caller is back with the operator")
  @ApiResponse(responseCode = "409", description = "no consult under way, or no carrier carries the call (no_call)")
  CallState cancel(@PathVariable String contactId, Authentication who) {
    CallControl carrier = carriers.require(access.controllable(contactId, who).id());
    ContactId id = new ContactId(contactId);
    underWay(id, "cancelled");
    Decisions decisions = routing.handle(new RoutingCommand.Resume(id));
    consults.end(id);
    carrier.cancelConsult(id);
    return after(id, decisions, "consult-cancel");
  }

  @Error(exception = NoCallException.class)
  HttpResponse<ApiError> noCall(NoCallException e) {
    return HttpResponse.<ApiError>status(HttpStatus.CONFLICT).body(new ApiError(e.code(), e.getMessage()));
  }

  private ConsultTargets.Target underWay(ContactId id, String what) {
    return consults.of(id).orElseThrow(() -> new IllegalTransitionException("consult of contact " + id.value(),
        "none", what));
  }

  private CallState after(ContactId id, Decisions decisions, String action) {
    return CallControlController.after(routing, id, decisions, action);
  }
}
