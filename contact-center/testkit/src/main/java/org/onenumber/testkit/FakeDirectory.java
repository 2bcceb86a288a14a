package org.onenumber.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.directory.Department;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.port.out.Directory;

/** A directory built by the test. Thread-safe. */
public final class FakeDirectory implements Directory {

  private final List<Department> departments = new ArrayList<>();
  private final List<Queue> queues = new ArrayList<>();
  private final List<Agent> agents = new ArrayList<>();

  public synchronized FakeDirectory add(Department d) {
    departments.add(d);
    return this;
  }

  public synchronized FakeDirectory add(Queue q) {
    queues.add(q);
    return this;
  }

  public synchronized FakeDirectory add(Agent a) {
    agents.add(a);
    return this;
  }

  @Override
  public synchronized List<Department> departments() {
    return List.copyOf(departments);
  }

  @Override
  public synchronized Optional<Department> department(DepartmentId id) {
    return departments.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  @Override
  public synchronized List<Queue> queues() {
    return List.copyOf(queues);
  }

  @Override
  public synchronized Optional<Queue> queue(QueueId id) {
    return queues.stream().filter(q -> q.id().equals(id)).findFirst();
  }

  @Override
  public synchronized List<Agent> agents() {
    return List.copyOf(agents);
  }

  @Override
  public synchronized Optional<Agent> agent(AgentId id) {
    return agents.stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
