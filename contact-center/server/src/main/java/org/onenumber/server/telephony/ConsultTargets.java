package org.onenumber.server.telephony;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;

/**
 * Who each consult (attended) transfer under way consults: an operator or a department, kept from
 * the consult's start to its completion or cancel. In memory: a consult lives as long as the held
 * call on this node; after a restart the operator starts again. Thread-safe.
 */
@Singleton
final class ConsultTargets {

  /** Exactly one of {@code agent} or {@code department}. */
  record Target(AgentId agent, DepartmentId department) {

    /** As written in the journal step's reason: {@code agent:op-023}, {@code department:transport}. */
    String label() {
      return agent != null ? "agent:" + agent.value() : "department:" + department.value();
    }
  }

  private final Map<ContactId, Target> byContact = new ConcurrentHashMap<>();

  void start(ContactId contact, Target target) {
    byContact.put(contact, target);
  }

  Optional<Target> of(ContactId contact) {
    return Optional.ofNullable(byContact.get(contact));
  }

  void end(ContactId contact) {
    byContact.remove(contact);
  }
}
