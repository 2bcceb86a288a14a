package org.onenumber.server.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Department;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.SkillLevel;

/** The JSON shapes of the API's resources, built from domain values. */
public final class Views {

  private Views() {}

  /** A list response: {@code {"items": [...]}}. */
  @Serdeable
  public record Items<T>(List<T> items) {}

  @Serdeable
  public record SkillView(String skill, int level) {
    static List<SkillView> of(java.util.Collection<SkillLevel> skills) {
      return skills.stream().sorted(Comparator.comparing(s -> s.skill().code()))
          .map(s -> new SkillView(s.skill().code(), s.level())).toList();
    }
  }

  @Serdeable
  public record DepartmentView(String id, String nameKo, String nameEn, String deskPhone, long caseDueHours,
      List<String> categories) {
    static DepartmentView of(Department d, List<String> categories) {
      return new DepartmentView(d.id().value(), d.nameKo(), d.nameEn(), d.deskPhone(), d.defaultCaseDue().toHours(),
          categories);
    }
  }

  @Serdeable
  public record QueueView(String id, String name, List<String> languages, List<String> channels,
      List<SkillView> requiredSkills, int priority, long serviceLevelSeconds) {
    static QueueView of(Queue q) {
      return new QueueView(q.id().value(), q.name(), sorted(q.languages()), sorted(q.channels()),
          SkillView.of(q.requiredSkills()), q.priority(), q.serviceLevelThreshold().toSeconds());
    }
  }

  @Serdeable
  public record AgentView(String id, String name, List<String> languages, List<SkillView> skills, int maxMessaging,
      List<String> queues, String state, String breakReason) {
    static AgentView of(Agent a) {
      return new AgentView(a.id().value(), a.name(), sorted(a.languages()), SkillView.of(a.skills()),
          a.capacity().maxMessaging(), sorted(a.queues()), a.state().name(), a.breakReason());
    }
  }

  @Serdeable
  public record StepView(String state, Instant at, String agent, String queue, String reason) {
    static StepView of(ContactStep s) {
      return new StepView(s.state().name(), s.at(), str(s.agent()), str(s.queue()), s.reason());
    }
  }

  @Serdeable
  public record ContactView(String id, String channel, String citizenId, String language, int priority,
      List<SkillView> requiredSkills, String queue, String agent, String topic, String state, Instant createdAt,
      List<StepView> steps) {
    public static ContactView of(Contact c) {
      return new ContactView(c.id().value(), c.channel().name(), c.citizen().value(), c.language().code(),
          c.priority(), SkillView.of(c.requiredSkills()), str(c.queue()), str(c.agent()), c.topic(),
          c.state().name(), c.createdAt(), c.steps().stream().map(StepView::of).toList());
    }
  }

  private static List<String> sorted(java.util.Collection<?> values) {
    return values.stream().map(Object::toString).sorted().toList();
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }
}
