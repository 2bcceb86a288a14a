package org.onenumber.server.routing;

import java.time.InstantSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.stream.Collectors;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.routing.RoutingViews.AgentView;
import org.onenumber.server.routing.RoutingViews.WorkView;

/**
 * The operator console's agent API: log in and out, available or on break, and the poll endpoint
 * with the agent's offers and contacts. An operator acts only for themselves; supervisors and
 * admins for anyone (403 otherwise).
 */
@Controller("/api/v1/agents/{agentId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "routing")
final class AgentRoutingController {

  private final RoutingHost routing;
  private final InstantSource clock;
  private final JdbcDirectory directory;

  AgentRoutingController(RoutingHost routing, JdbcDirectory directory, InstantSource clock) {
    this.clock = clock;
    this.routing = routing;
    this.directory = directory;
  }

  @Post("/login")
  @Operation(summary = "Log the agent in to their queues (all configured, or the ones listed), available or on break")
  AgentView login(@PathVariable String agentId, @Nullable @Body RoutingBodies.Login body, Authentication who) {
    RoutingAccess.requireAgent(who, agentId);
    Agent agent = directory.agent(new AgentId(agentId)).orElseThrow(() -> new NotFoundException("agent", agentId));
    Set<QueueId> queues = body == null || body.queues() == null ? Set.of()
        : body.queues().stream().map(QueueId::new).collect(Collectors.toSet());
    routing.handle(new RoutingCommand.LogIn(agent, queues, body == null ? null : body.startOnBreak()));
    return presence(agentId, who);
  }

  @Post("/logout")
  @Operation(summary = "Log out; with open contacts 409 unless transferOpenContacts, which requeues them keeping their age")
  AgentView logout(@PathVariable String agentId, @Nullable @Body RoutingBodies.Logout body, Authentication who) {
    RoutingAccess.requireAgent(who, agentId);
    boolean transfer = body != null && Boolean.TRUE.equals(body.transferOpenContacts());
    if (routing.handle(new RoutingCommand.LogOut(new AgentId(agentId), transfer)).isRefused()) {
      throw new IllegalTransitionException("agent " + agentId + " with open contacts", "logged in", "logged out");
    }
    return AgentView.offline(agentId);
  }

  @Post("/state")
  @Operation(summary = "Become AVAILABLE (also after NOT_RESPONDING) or take a BREAK with a reason")
  AgentView state(@PathVariable String agentId, @Body RoutingBodies.State body, Authentication who) {
    RoutingAccess.requireAgent(who, agentId);
    AgentId agent = new AgentId(agentId);
    String state = InvalidInputException.requireText(body.state(), "state");
    routing.handle(switch (state) {
      case "AVAILABLE" -> new RoutingCommand.MakeAvailable(agent);
      case "BREAK" -> new RoutingCommand.TakeBreak(agent, body.reason() == null ? "break" : body.reason());
      default -> throw new InvalidInputException("state must be AVAILABLE or BREAK, got " + state);
    });
    return presence(agentId, who);
  }

  @Get
  @Operation(summary = "The agent's routing state, availability (what the console's selector shows) and load")
  AgentView agent(@PathVariable String agentId, Authentication who) {
    return work(agentId, who).agent();
  }

  @Get("/presence")
  @Operation(summary = "The agent's routing state and load (same as GET /api/v1/agents/{agentId})")
  AgentView presence(@PathVariable String agentId, Authentication who) {
    return work(agentId, who).agent();
  }

  @Get("/work")
  @Operation(summary = "Poll: the agent's state, current offers and assigned contacts (what the WebSocket pushes)")
  WorkView work(@PathVariable String agentId, Authentication who) {
    RoutingAccess.requireAgent(who, agentId);
    AgentId agent = new AgentId(agentId);
    return WorkView.of(agentId, routing.agent(agent).orElse(null), clock.instant()); // the owner's, on a standby
  }
}
