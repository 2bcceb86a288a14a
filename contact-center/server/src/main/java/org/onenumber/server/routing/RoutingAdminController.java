package org.onenumber.server.routing;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.agent.ChannelCapacity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * Configuration of routing: queues with their strategy, steps, times and calendar; agents with
 * skills, languages and capacity. Changes are stored, then applied to the running engine at once
 * (waiting contacts keep their age). ADMIN; reads also SUPERVISOR.
 */
@Controller("/api/v1/admin")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "routing-admin")
final class RoutingAdminController {

  private final RoutingHost routing;
  private final RoutingStore store;
  private final JdbcDirectory directory;

  RoutingAdminController(RoutingHost routing, RoutingStore store, JdbcDirectory directory) {
    this.routing = routing;
    this.store = store;
    this.directory = directory;
  }

  @Get("/queues")
  @Secured({"ADMIN", "SUPERVISOR"})
  @Operation(summary = "Every queue's routing configuration")
  List<QueueConfigBody> queues() {
    return routing.read(EngineRead.CONFIGURATIONS, "").stream().map(QueueConfigBody::of).toList();
  }

  @Get("/queues/{queueId}")
  @Secured({"ADMIN", "SUPERVISOR"})
  @Operation(summary = "One queue's routing configuration")
  QueueConfigBody queue(@PathVariable String queueId) {
    return QueueConfigBody.of(config(queueId));
  }

  @Put("/queues/{queueId}")
  @Operation(summary = "Create or replace a queue with its routing configuration; applies to the running engine")
  QueueConfigBody put(@PathVariable String queueId, @Body QueueConfigBody body) {
    if (body.queueId() != null && !body.queueId().equals(queueId)) {
      throw new InvalidInputException("queueId in the body must match the path");
    }
    QueueConfigBody named = new QueueConfigBody(queueId, body.name(), body.languages(), body.channels(),
        body.requiredSkills(), body.priority(), body.serviceLevelSeconds(), body.strategy(), body.stickyTimeoutSeconds(),
        body.weight(), body.wrapUpSeconds(), body.offerTimeoutSeconds(), body.notRespondingAfterMiss(),
        body.messagingDuringVoice(), body.callback(), body.steps(), body.calendar());
    QueueConfig config = named.toConfig(directory.queue(new QueueId(queueId)).orElse(null));
    return apply(config);
  }

  @Put("/queues/{queueId}/steps")
  @Operation(summary = "Replace a queue's widening steps (bullseye), ordered by afterSeconds")
  QueueConfigBody steps(@PathVariable String queueId, @Body List<QueueConfigBody.Step> steps) {
    return apply(config(queueId).withSteps(steps.stream().map(QueueConfigBody.Step::toStep).toList()));
  }

  @Get("/skills")
  @Secured({"ADMIN", "SUPERVISOR"})
  @Operation(summary = "Every skill agents have or queues require")
  Set<String> skills() {
    Set<String> skills = new TreeSet<>();
    directory.agents().forEach(a -> a.skills().forEach(s -> skills.add(s.skill().code())));
    directory.queues().forEach(q -> q.requiredSkills().forEach(s -> skills.add(s.skill().code())));
    return skills;
  }

  @Get("/agents")
  @Secured({"ADMIN", "SUPERVISOR"})
  @Operation(summary = "Every agent's routing configuration")
  List<RoutingBodies.AgentConfig> agents() {
    return directory.agents().stream().map(RoutingAdminController::view).toList();
  }

  @Put("/agents/{agentId}")
  @Operation(summary = "Create or replace an agent; a logged-in agent's messaging capacity changes at once;"
      + " 400 when its queues fall in two routing partitions")
  RoutingBodies.AgentConfig putAgent(@PathVariable String agentId, @Body RoutingBodies.AgentConfig body) {
    Agent agent = new Agent(new AgentId(agentId), body.name(),
        body.skills() == null ? Set.of() : body.skills().stream().map(s -> SkillLevel.of(s.skill(), s.level()))
            .collect(Collectors.toSet()),
        body.languages() == null ? Set.of() : body.languages().stream().map(Language::of).collect(Collectors.toSet()),
        new ChannelCapacity(body.maxMessaging()),
        body.queues() == null ? Set.of() : body.queues().stream().map(QueueId::new).collect(Collectors.toSet()),
        AgentState.OFFLINE, null);
    routing.checkOperator(agent);
    directory.save(agent);
    if (routing.agent(agent.id()).isPresent()) {
      routing.handle(new RoutingCommand.ChangeCapacity(agent.id(), agent.capacity().maxMessaging()));
    }
    return view(agent);
  }

  private QueueConfigBody apply(QueueConfig config) {
    directory.save(config.queue());
    store.save(QueueConfigBody.of(config));
    routing.handle(new RoutingCommand.Configure(config));
    return QueueConfigBody.of(config);
  }

  private QueueConfig config(String queueId) {
    return routing.read(EngineRead.CONFIGURATION, queueId)
        .orElseThrow(() -> new NotFoundException("queue", queueId));
  }

  private static RoutingBodies.AgentConfig view(Agent a) {
    return new RoutingBodies.AgentConfig(a.id().value(), a.name(),
        a.skills().stream().sorted(Comparator.comparing(s -> s.skill().code()))
            .map(s -> new QueueConfigBody.Skill(s.skill().code(), s.level())).toList(),
        a.languages().stream().map(Language::code).sorted().toList(), a.capacity().maxMessaging(),
        a.queues().stream().map(QueueId::value).sorted().toList());
  }
}
