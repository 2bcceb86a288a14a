package org.onenumber.server.telephony;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
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
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Department;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.CallControl;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.Directory;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.api.ApiError;
import org.onenumber.server.routing.RoutingHost;
import org.onenumber.server.security.CitizenDataAccess;
import org.onenumber.server.telephony.CallViews.CallCard;
import org.onenumber.server.telephony.CallViews.CallState;

/**
 * The operator's call controls, carrier-independent. Each control checks, in order: the contact
 * exists (404), routing still tracks it (409), the caller holds it or supervises (403), a carrier
 * carries the call (409 {@code no_call}); then runs the routing command (409 when the call is not
 * in a state for it) and only then asks the carrier. Hold → {@code hold}; resume → {@code
 * resume}; transfer to a queue or operator → {@code requeue}, to a department → {@code transfer}
 * to its desk number; hang up → wrap-up, then {@code hangUp}. A conference is asked of routing
 * only: its {@code ConferenceRequested} reaches the carrier through {@link CallRequests}.
 */
@Controller("/api/v1/contacts/{contactId}/call")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "call controls")
final class CallControlController {

  private final RoutingHost routing;
  private final CallControls carriers;
  private final CallAccess access;
  private final Directory directory;
  private final CitizenRegistry citizens;

  CallControlController(RoutingHost routing, CallControls carriers, CallAccess access, Directory directory,
      CitizenRegistry citizens) {
    this.routing = routing;
    this.carriers = carriers;
    this.access = access;
    this.directory = directory;
    this.citizens = citizens;
  }

  @Get
  @Operation(summary = "The call card: caller number (masked to the last 4 digits for operators), IVR choices, "
      + "language, connected and held instants, whether a carrier carries the call")
  CallCard card(@PathVariable String contactId, Authentication who) {
    Contact contact = access.controllable(contactId, who);
    return CallCard.of(contact, citizens.find(contact.citizen()).orElse(null), CitizenDataAccess.supervises(who),
        carriers.carrierOf(contact.id()).isPresent());
  }

  @Post("/hold")
  @Operation(summary = "Put the caller on hold (music on hold); hold time counts in the service levels")
  @ApiResponse(responseCode = "409", description = "not a connected call, or no carrier carries it (no_call)")
  CallState hold(@PathVariable String contactId, Authentication who) {
    return control(contactId, who, RoutingCommand.Hold::new, CallControl::hold, "hold");
  }

  @Post("/resume")
  @Operation(summary = "Take the caller off hold and reconnect them with the operator")
  @ApiResponse(responseCode = "409", description = "not a held call, or no carrier carries it (no_call)")
  CallState resume(@PathVariable String contactId, Authentication who) {
    return control(contactId, who, RoutingCommand.Resume::new, CallControl::resume, "resume");
  }

  @Post("/transfer")
  @Operation(summary = "Blind transfer to exactly one of: a queue or an operator (the caller waits in routing "
      + "for them), or a department's desk number (the call leaves the center)")
  @ApiResponse(responseCode = "409", description = "not a connected or held call, or no carrier carries it (no_call)")
  CallState transfer(@PathVariable String contactId, @Body CallBodies.Transfer body, Authentication who) {
    CallControl carrier = carrierFor(contactId, who);
    ContactId id = new ContactId(contactId);
    Department department = body.department() == null ? null : directory.department(new DepartmentId(body.department()))
        .orElseThrow(() -> new InvalidInputException("department is not a known department"));
    Decisions decisions = routing.handle(new RoutingCommand.Transfer(id,
        body.queue() == null ? null : new QueueId(body.queue()),
        body.agent() == null ? null : new AgentId(body.agent()),
        department == null ? null : department.id(), body.keepAge() == null || body.keepAge()));
    if (department != null) {
      carrier.transfer(id, department.deskPhone());
      return after(id, decisions, "transfer");
    }
    carrier.requeue(id);
    return after(id, decisions, "requeue");
  }

  @Post("/conference")
  @Operation(summary = "Bring a third party (an interpreter, a department) into the call with caller and operator")
  @ApiResponse(responseCode = "409", description = "no carrier carries the call (no_call)")
  CallState conference(@PathVariable String contactId, @Body CallBodies.Conference body, Authentication who) {
    carrierFor(contactId, who);
    ContactId id = new ContactId(contactId);
    return after(id, routing.handle(new RoutingCommand.Conference(id, body.thirdParty())), "conference");
  }

  @Post("/hangup")
  @Operation(summary = "End the call for everyone; the contact goes to wrap-up with the outcome (RESOLVED by default)")
  @ApiResponse(responseCode = "409", description = "not a connected or held call, or no carrier carries it (no_call)")
  CallState hangUp(@PathVariable String contactId, @Nullable @Body CallBodies.HangUp body, Authentication who) {
    RoutingCommand.Outcome outcome = body == null ? RoutingCommand.Outcome.RESOLVED : body.parsed();
    return control(contactId, who, id -> new RoutingCommand.WrapUp(id, outcome, who.getName()), CallControl::hangUp,
        "hangup");
  }

  @Error(exception = NoCallException.class)
  HttpResponse<ApiError> noCall(NoCallException e) {
    return HttpResponse.<ApiError>status(io.micronaut.http.HttpStatus.CONFLICT).body(new ApiError(e.code(), e.getMessage()));
  }

  /** The checks, the routing command, then the carrier: the order every control follows. */
  private CallState control(String contactId, Authentication who, Function<ContactId, RoutingCommand> command,
      BiConsumer<CallControl, ContactId> carrierCall, String action) {
    CallControl carrier = carrierFor(contactId, who);
    ContactId id = new ContactId(contactId);
    Decisions decisions = routing.handle(command.apply(id));
    carrierCall.accept(carrier, id);
    return after(id, decisions, action);
  }

  private CallControl carrierFor(String contactId, Authentication who) {
    return carriers.require(access.controllable(contactId, who).id());
  }

  private CallState after(ContactId id, Decisions decisions, String action) {
    return after(routing, id, decisions, action);
  }

  /** The contact's state after {@code decisions} (or as routing sees it now), with the action taken. */
  static CallState after(RoutingHost routing, ContactId id, Decisions decisions, String action) {
    String state = decisions.contacts().stream().filter(c -> c.id().equals(id)).reduce((a, b) -> b)
        .map(c -> c.state().name())
        .orElseGet(() -> routing.contact(id).map(c -> c.state().name()).orElse("CLOSED"));
    return new CallState(id.value(), state, action);
  }
}
