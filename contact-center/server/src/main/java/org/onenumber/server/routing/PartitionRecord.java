package org.onenumber.server.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.Partitions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.RoutingCommand;

/**
 * One routing partition's part of the shared record (issue 11, {@link Partitions}): what the
 * engine of that partition is rebuilt from on takeover — the configurations of its queues, the
 * open contacts in them, the sessions of its operators (an operator's partition from their
 * directory queues, else their session's) with their capacity — and its writes fenced with that
 * partition's lease. The sticky last agents are the whole record's (a citizen's last operator of
 * another partition is simply not found in this engine). With no partition configured the one
 * partition is the whole record. Thread-safe as the record it reads.
 */
final class PartitionRecord implements RoutingRecord {

  private final RoutingRecord whole;
  private final Partitions partitions;
  private final String partition;

  PartitionRecord(RoutingRecord whole, Partitions partitions, String partition) {
    if (!partitions.names().contains(partition)) {
      throw new IllegalArgumentException("no routing partition " + partition + " in " + partitions.names());
    }
    this.whole = whole;
    this.partitions = partitions;
    this.partition = partition;
  }

  @Override
  public List<QueueConfig> configurations() {
    return whole.configurations().stream().filter(c -> mine(c.queue().id())).toList();
  }

  @Override
  public List<Contact> openContacts() {
    return whole.openContacts().stream().filter(c -> mine(c.queue())).toList();
  }

  @Override
  public Map<CitizenId, AgentId> lastAgents() {
    return whole.lastAgents();
  }

  @Override
  public List<RoutingCommand> sessionCommands() {
    List<RoutingCommand> mine = new ArrayList<>();
    Set<AgentId> operators = new HashSet<>();
    for (RoutingCommand command : whole.sessionCommands()) {
      switch (command) {
        case RoutingCommand.LogIn login when partitionOf(login).equals(Optional.of(partition)) -> {
          operators.add(login.agent().id());
          mine.add(login);
        }
        case RoutingCommand.LogIn other -> { }
        case RoutingCommand.ChangeCapacity capacity when operators.contains(capacity.agent()) -> mine.add(capacity);
        case RoutingCommand.ChangeCapacity other -> { }
        default -> mine.add(command);
      }
    }
    return mine;
  }

  @Override
  public void write(Decisions decisions, List<AgentStatus> agents, Set<AgentId> loggedOut) {
    whole.write(partition, decisions, agents, loggedOut);
  }

  @Override
  public void write(String other, Decisions decisions, List<AgentStatus> agents, Set<AgentId> loggedOut) {
    if (!partition.equals(other)) {
      throw new IllegalArgumentException("partition " + partition + "'s record cannot write partition " + other);
    }
    write(decisions, agents, loggedOut);
  }

  @Override
  public <T> T underClaim(CallClaim claim, Supplier<T> write) {
    return whole.underClaim(partition, claim, write);
  }

  private boolean mine(QueueId queue) {
    return partitions.of(queue).equals(partition);
  }

  private Optional<String> partitionOf(RoutingCommand.LogIn login) {
    Set<QueueId> queues = login.agent().queues().isEmpty() ? login.queues() : login.agent().queues();
    return partitions.ofOperator(queues);
  }
}
