package org.onenumber.core.routing;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;

/**
 * The routing partitions of a cluster (issue 11): named, <b>disjoint</b> groups of queues, each
 * routed by one engine on one node at a time, together with the operators who serve them. Every
 * queue no partition names belongs to {@link #DEFAULT} ({@code routing}), which always exists (with
 * nothing configured it is every queue: the whole engine, as one node routes it). The cases:
 *
 * <ol>
 *   <li>A queue named by two partitions, a partition named {@code routing}, a name that is not a
 *       lowercase word (it becomes a bus address and a lease row), or an empty partition: refused
 *       by {@link #of} with a message naming it.
 *   <li>An operator whose queues fall in two partitions (say {@code general-ko} and {@code
 *       sign-video}): refused by {@link #checkOperators}, naming the operator and the partitions,
 *       so that no operator's capacity is split between two engines (each would offer them work
 *       the other does not see) and no contact can be assigned twice.
 * </ol>
 *
 * <p>Immutable.
 */
public final class Partitions {

  /** The partition of every queue no configured partition names; also the cluster's one-node workers'. */
  public static final String DEFAULT = "routing";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,47}");

  private final Map<QueueId, String> partitionOfQueue;
  private final Set<String> names;

  private Partitions(Map<QueueId, String> partitionOfQueue, Set<String> names) {
    this.partitionOfQueue = partitionOfQueue;
    this.names = names;
  }

  /** No partition configured: every queue is {@link #DEFAULT}'s (one engine, as today). */
  public static Partitions none() {
    return of(Map.of());
  }

  /**
   * Partitions from one configuration line: {@code name: queue queue; name: queue} (queues separated
   * by spaces or commas); blank is {@link #none}. Throws naming what is wrong.
   */
  public static Partitions parse(String text) {
    Map<String, List<QueueId>> configured = new LinkedHashMap<>();
    for (String part : text == null ? new String[0] : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int colon = part.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("partition '" + part.strip() + "' must read 'name: queue queue …'");
      }
      String name = part.substring(0, colon).strip();
      List<QueueId> queues = Arrays.stream(part.substring(colon + 1).split("[\\s,]+"))
          .filter(q -> !q.isBlank()).map(QueueId::new).toList();
      if (configured.put(name, queues) != null) {
        throw new IllegalArgumentException("partition '" + name + "' is configured twice");
      }
    }
    return of(configured);
  }

  /** Partitions from configuration ({@code name → its queues}); throws naming what is wrong. */
  public static Partitions of(Map<String, ? extends Collection<QueueId>> configured) {
    Map<QueueId, String> owner = new LinkedHashMap<>();
    TreeSet<String> names = new TreeSet<>();
    names.add(DEFAULT);
    new TreeMap<>(configured).forEach((name, queues) -> {
      if (DEFAULT.equals(name)) {
        throw new IllegalArgumentException("partition '" + DEFAULT + "' is the partition of every queue no other"
            + " partition names: give the partition another name");
      }
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("partition name '" + name + "' must be a lowercase word of letters,"
            + " digits and '-' (at most 48): it names a lease row and a bus address");
      }
      if (queues == null || queues.isEmpty()) {
        throw new IllegalArgumentException("partition '" + name + "' names no queue");
      }
      for (QueueId queue : queues) {
        String before = owner.putIfAbsent(queue, name);
        if (before != null && !before.equals(name)) {
          throw new IllegalArgumentException("queue " + queue + " is in partitions '" + before + "' and '" + name
              + "': partitions must be disjoint (one engine routes each queue)");
        }
      }
      names.add(name);
    });
    return new Partitions(Map.copyOf(owner), Collections.unmodifiableSortedSet(names));
  }

  /** Every partition, {@link #DEFAULT} included, in name order. */
  public Set<String> names() {
    return names;
  }

  /** True when more than {@link #DEFAULT} exists. */
  public boolean configured() {
    return names.size() > 1;
  }

  /** The partition routing {@code queue}. */
  public String of(QueueId queue) {
    return partitionOfQueue.getOrDefault(queue, DEFAULT);
  }

  /**
   * The one partition of an operator serving {@code queues} ({@link #DEFAULT} for none); empty when
   * they span several (refused by {@link #checkOperators}).
   */
  public Optional<String> ofOperator(Set<QueueId> queues) {
    Set<String> spanned = spanned(queues);
    return spanned.size() > 1 ? Optional.empty()
        : Optional.of(spanned.isEmpty() ? DEFAULT : spanned.iterator().next());
  }

  /**
   * The partition whose engine handles {@code command}, so that it is sent to that partition's
   * owner: a queue's command by the queue ({@code Configure}, {@code Arrive}); an operator's by their
   * queues ({@code LogIn} by the agent's configured queues and the ones listed; the other agent
   * commands, accept and decline included — the operator's engine offered the contact — by {@code
   * queuesOfAgent}); a contact's by its journaled queue ({@code queueOfContact}; {@link #DEFAULT}
   * when unknown, whose engine answers that it is not found), a transfer included: the engine holding
   * the contact hands it over. Throws {@link InvalidInputException} for an operator of two partitions
   * and {@link IllegalArgumentException} for a tick (each engine ticks itself).
   */
  public String of(RoutingCommand command, Function<ContactId, Optional<QueueId>> queueOfContact,
      Function<AgentId, Set<QueueId>> queuesOfAgent) {
    return switch (command) {
      case RoutingCommand.Configure c -> of(c.config().queue().id());
      case RoutingCommand.Arrive a -> of(a.contact().queue());
      case RoutingCommand.LogIn l -> logIn(l);
      case RoutingCommand.LogOut c -> operator(c.agent(), queuesOfAgent.apply(c.agent()));
      case RoutingCommand.MakeAvailable c -> operator(c.agent(), queuesOfAgent.apply(c.agent()));
      case RoutingCommand.TakeBreak c -> operator(c.agent(), queuesOfAgent.apply(c.agent()));
      case RoutingCommand.ChangeCapacity c -> operator(c.agent(), queuesOfAgent.apply(c.agent()));
      case RoutingCommand.Accept c -> operator(c.agent(), queuesOfAgent.apply(c.agent()));
      case RoutingCommand.Decline c -> operator(c.agent(), queuesOfAgent.apply(c.agent()));
      case RoutingCommand.Hold c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.Consult c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.Handover c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.Resume c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.WrapUp c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.Close c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.Abandon c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.Transfer c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.HandOff c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.Conference c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.RequestCallback c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.CallbackResult c -> contact(c.contact(), queueOfContact);
      case RoutingCommand.Tick t -> throw new IllegalArgumentException("a tick belongs to every partition's engine");
    };
  }

  private String operator(AgentId agent, Set<QueueId> queues) {
    return ofOperator(queues).orElseThrow(() -> new InvalidInputException("operator " + agent + " serves queues of the"
        + " routing partitions " + spanned(queues) + ": log in to the queues of one"));
  }

  /**
   * A login's partition, by the operator's directory queues and the ones they log in to; refused when
   * the queues logged in to lie in another partition than the directory entry's (the operator's later
   * commands are sent by the directory entry, to that partition's engine).
   */
  private String logIn(RoutingCommand.LogIn login) {
    String partition = operator(login.agent().id(), union(login.agent().queues(), login.queues()));
    String byDirectory = operator(login.agent().id(), login.agent().queues());
    if (!partition.equals(byDirectory)) {
      throw new InvalidInputException("operator " + login.agent().id() + " logs in to queues of routing partition '"
          + partition + "' but their directory entry serves partition '" + byDirectory + "': add those queues to"
          + " the operator's entry (PUT /api/v1/admin/agents/{id}) or log in to queues of '" + byDirectory + "'");
    }
    return partition;
  }

  /** Refuses (as invalid input) an operator entry whose queues fall in more than one partition, naming them. */
  public void checkOperator(Agent operator) {
    if (spanned(operator.queues()).size() > 1) {
      throw new InvalidInputException(message(List.of(operator)));
    }
  }

  private static Set<QueueId> union(Set<QueueId> a, Set<QueueId> b) {
    Set<QueueId> both = new HashSet<>(a);
    both.addAll(b);
    return both;
  }

  private String contact(ContactId contact, Function<ContactId, Optional<QueueId>> queueOfContact) {
    return queueOfContact.apply(contact).map(this::of).orElse(DEFAULT);
  }

  /** Throws naming every operator whose queues fall in more than one partition. */
  public void checkOperators(Collection<Agent> operators) {
    if (operators.stream().anyMatch(a -> spanned(a.queues()).size() > 1)) {
      throw new IllegalArgumentException(message(operators));
    }
  }

  private String message(Collection<Agent> operators) {
    String split = operators.stream()
        .filter(a -> spanned(a.queues()).size() > 1)
        .sorted((a, b) -> a.id().value().compareTo(b.id().value()))
        .map(a -> a.id().value() + " (" + spanned(a.queues()).stream()
            .map(p -> p + ": " + a.queues().stream().filter(q -> of(q).equals(p)).map(QueueId::value).sorted()
                .collect(Collectors.joining(", ")))
            .collect(Collectors.joining("; ")) + ")")
        .collect(Collectors.joining(", "));
    return "operators serve queues of two routing partitions, which would split their capacity between two"
        + " engines: " + split + "; give each operator the queues of one partition, or put those queues in one"
        + " partition";
  }

  /**
   * How many partitions a node of a cluster of {@code nodes} live nodes should hold: ceil(partitions
   * / nodes), at least one.
   */
  public static int fairShare(int partitions, int nodes) {
    int n = Math.max(1, nodes);
    return Math.max(1, (partitions + n - 1) / n);
  }

  private Set<String> spanned(Set<QueueId> queues) {
    return queues.stream().map(this::of).collect(Collectors.toCollection(TreeSet::new));
  }
}
