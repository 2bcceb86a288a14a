package org.onenumber.server.telephony;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.port.out.AgentDevices;
import org.onenumber.server.persistence.Jdbc;

/** Operators' devices in table {@code agent_device} (migration V70). Thread-safe. */
@Singleton
public final class JdbcAgentDevices implements AgentDevices {

  private final Jdbc jdbc;

  public JdbcAgentDevices(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> deviceOf(AgentId agent) {
    return jdbc.queryOne("select device from agent_device where agent_id = ?", row -> row.getString(1), agent.value());
  }

  @Override
  public Optional<AgentId> agentAt(String device) {
    return jdbc.queryOne("select agent_id from agent_device where device = ?", row -> new AgentId(row.getString(1)),
        device);
  }

  /** Gives {@code agent} the device {@code device}, replacing the one it had. */
  public void assign(AgentId agent, String device) {
    if (jdbc.update("update agent_device set device = ? where agent_id = ?", device, agent.value()) == 0) {
      jdbc.update("insert into agent_device (agent_id, device) values (?, ?)", agent.value(), device);
    }
  }
}
