package org.onenumber.core.port.out;

import java.util.List;
import java.util.Optional;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.directory.Department;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;

/** The city's organisation: departments, queues and agents, as configured. */
public interface Directory {

  List<Department> departments();

  Optional<Department> department(DepartmentId id);

  List<Queue> queues();

  Optional<Queue> queue(QueueId id);

  List<Agent> agents();

  Optional<Agent> agent(AgentId id);
}
