package org.onenumber.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.agent.ChannelCapacity;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Department;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;

/** Small builders for test data with sensible defaults; override what the test is about. */
public final class TestData {

  private TestData() {}

  public static Department department(String id) {
    return new Department(new DepartmentId(id), id + " 과", id + " department", "+8221200" + Math.abs(id.hashCode() % 1000),
        Duration.ofDays(3));
  }

  public static Queue queue(String id, Language language, Channel... channels) {
    return new Queue(new QueueId(id), id, Set.of(language), Set.of(channels), List.of(), 0, Duration.ofSeconds(15));
  }

  public static Agent agent(String id, Set<Language> languages, Set<SkillLevel> skills, String... queues) {
    return new Agent(new AgentId(id), id, skills, languages, ChannelCapacity.DEFAULT,
        Set.of(queues).stream().map(QueueId::new).collect(java.util.stream.Collectors.toSet()),
        AgentState.OFFLINE, null);
  }

  public static Contact contact(String id, Channel channel, Language language, Instant at) {
    return Contact.create(new ContactId(id), channel, new CitizenId("citizen-" + id), language, Set.of(), 0, "topic " + id, at);
  }
}
