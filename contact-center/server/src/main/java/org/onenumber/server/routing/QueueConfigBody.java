package org.onenumber.server.routing;

import io.micronaut.serde.annotation.Serdeable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.routing.AgentSelection;
import org.onenumber.core.routing.BusinessCalendar;
import org.onenumber.core.routing.CallbackPolicy;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.QueueStep;
import org.onenumber.core.routing.StepAction;

/**
 * A queue's full routing configuration as JSON (the admin API body and the stored form), see
 * docs/api/agent-api.md. Absent routing fields take {@link QueueConfig#defaults} values.
 */
@Serdeable
public record QueueConfigBody(String queueId, String name, List<String> languages, List<String> channels,
    List<Skill> requiredSkills, Integer priority, Long serviceLevelSeconds, String strategy, Long stickyTimeoutSeconds,
    Integer weight, Long wrapUpSeconds, Long offerTimeoutSeconds, Boolean notRespondingAfterMiss,
    Boolean messagingDuringVoice, Callback callback, List<Step> steps, Calendar calendar) {

  @Serdeable
  public record Skill(String skill, int level) {}

  @Serdeable
  public record Step(long afterSeconds, String action, Integer skillLevelDelta, List<String> queues, String target) {
    QueueStep toStep() {
      InvalidInputException.requireText(action, "action");
      return new QueueStep(Duration.ofSeconds(afterSeconds), stepAction(action),
          skillLevelDelta == null ? 0 : skillLevelDelta,
          queues == null ? List.of() : queues.stream().map(QueueId::new).toList(), target);
    }

    private static StepAction stepAction(String name) {
      try {
        return StepAction.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("action must be one of " + java.util.Arrays.toString(StepAction.values()));
      }
    }

    static Step of(QueueStep s) {
      return new Step(s.after().toSeconds(), s.action().name(), s.skillLevelDelta(),
          s.queues().stream().map(QueueId::value).toList(), s.target());
    }
  }

  @Serdeable
  public record Callback(int maxAttempts, long retryDelaySeconds) {}

  /** {@code weekly} maps a day (MONDAY...) to opening intervals {@code [["09:00","18:00"]]}; no weekly: always open. */
  @Serdeable
  public record Calendar(String zone, Map<String, List<List<String>>> weekly, List<String> holidays,
      List<Step> closedSteps) {}

  /** The engine's configuration; the queue fields from the body, or from {@code directoryQueue} when absent. */
  public QueueConfig toConfig(Queue directoryQueue) {
    Queue queue = name == null && directoryQueue != null ? directoryQueue : queue();
    QueueConfig d = QueueConfig.defaults(queue);
    CallbackPolicy policy = callback == null ? d.callback()
        : new CallbackPolicy(callback.maxAttempts(), Duration.ofSeconds(callback.retryDelaySeconds()));
    return new QueueConfig(queue, strategy == null ? d.selection() : parse(strategy),
        weight == null ? d.weight() : weight, seconds(stickyTimeoutSeconds, d.stickyTimeout()),
        seconds(wrapUpSeconds, d.wrapUp()), seconds(offerTimeoutSeconds, d.offerTimeout()),
        notRespondingAfterMiss == null ? d.notRespondingAfterMiss() : notRespondingAfterMiss,
        messagingDuringVoice == null ? d.messagingDuringVoice() : messagingDuringVoice, policy,
        steps(steps), businessCalendar(), calendar == null ? List.of() : steps(calendar.closedSteps()));
  }

  public static QueueConfigBody of(QueueConfig c) {
    Queue q = c.queue();
    return new QueueConfigBody(q.id().value(), q.name(), q.languages().stream().map(Language::code).sorted().toList(),
        q.channels().stream().map(Channel::name).sorted().toList(),
        q.requiredSkills().stream().map(s -> new Skill(s.skill().code(), s.level())).toList(), q.priority(),
        q.serviceLevelThreshold().toSeconds(), c.selection().name(), c.stickyTimeout().toSeconds(), c.weight(),
        c.wrapUp().toSeconds(), c.offerTimeout().toSeconds(), c.notRespondingAfterMiss(), c.messagingDuringVoice(),
        new Callback(c.callback().maxAttempts(), c.callback().retryDelay().toSeconds()),
        c.steps().stream().map(Step::of).toList(), calendarOf(c));
  }

  private Queue queue() {
    InvalidInputException.requireText(queueId, "queueId");
    InvalidInputException.require(languages, "languages");
    InvalidInputException.require(channels, "channels");
    Set<Language> langs = languages.stream().map(Language::of).collect(Collectors.toSet());
    Set<Channel> chans = channels.stream().map(Channel::valueOf).collect(Collectors.toSet());
    List<SkillLevel> skills = requiredSkills == null ? List.of()
        : requiredSkills.stream().map(s -> SkillLevel.of(s.skill(), s.level())).toList();
    return new Queue(new QueueId(queueId), name, langs, chans, skills, priority == null ? 0 : priority,
        Duration.ofSeconds(serviceLevelSeconds == null ? 20 : serviceLevelSeconds));
  }

  private static AgentSelection parse(String strategy) {
    try {
      return AgentSelection.valueOf(strategy);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("strategy must be one of " + List.of(AgentSelection.values()) + ", got " + strategy);
    }
  }

  private static Duration seconds(Long value, Duration otherwise) {
    return value == null ? otherwise : Duration.ofSeconds(value);
  }

  private static List<QueueStep> steps(List<Step> steps) {
    return steps == null ? List.of() : steps.stream().map(Step::toStep).toList();
  }

  private BusinessCalendar businessCalendar() {
    if (calendar == null) {
      return BusinessCalendar.ALWAYS_OPEN;
    }
    Map<DayOfWeek, List<BusinessCalendar.Hours>> weekly = null;
    if (calendar.weekly() != null) {
      weekly = new EnumMap<>(DayOfWeek.class);
      for (var day : calendar.weekly().entrySet()) {
        weekly.put(DayOfWeek.valueOf(day.getKey()), day.getValue().stream()
            .map(h -> new BusinessCalendar.Hours(LocalTime.parse(h.get(0)), LocalTime.parse(h.get(1)))).toList());
      }
    }
    Set<LocalDate> holidays = calendar.holidays() == null ? Set.of()
        : calendar.holidays().stream().map(LocalDate::parse).collect(Collectors.toSet());
    return new BusinessCalendar(ZoneId.of(calendar.zone() == null ? "UTC" : calendar.zone()), weekly, holidays);
  }

  private static Calendar calendarOf(QueueConfig c) {
    BusinessCalendar cal = c.calendar();
    Map<String, List<List<String>>> weekly = null;
    if (cal.weekly() != null) {
      weekly = new LinkedHashMap<>();
      for (var day : cal.weekly().entrySet()) {
        weekly.put(day.getKey().name(), day.getValue().stream()
            .map(h -> List.of(h.from().toString(), h.to().toString())).toList());
      }
    }
    return new Calendar(cal.zone().getId(), weekly, cal.holidays().stream().map(LocalDate::toString).sorted().toList(),
        c.closedSteps().stream().map(Step::of).toList());
  }
}
