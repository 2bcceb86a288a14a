package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.routing.AgentSelection;
import org.onenumber.core.routing.BusinessCalendar;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.QueueStep;

/** The JSON form of a queue's routing configuration keeps every setting. */
class QueueConfigBodyTest {

  private final Queue queue = new Queue(new QueueId("tax-ko"), "세무", Set.of(Language.KOREAN), Set.of(Channel.VOICE),
      List.of(SkillLevel.of("tax", 3)), 2, Duration.ofSeconds(20));

  @Test
  void roundTripsEverySettingIncludingStepsAndCalendar() {
    BusinessCalendar calendar = new BusinessCalendar(ZoneId.of("Asia/Seoul"),
        Map.of(DayOfWeek.MONDAY, List.of(new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(18, 0)))),
        Set.of(LocalDate.of(2026, 12, 25)));
    QueueConfig config = QueueConfig.defaults(queue).withSelection(AgentSelection.BEST_SKILL)
        .withTimes(Duration.ofSeconds(45), Duration.ofSeconds(15)).withMessaging(true, 2)
        .withSteps(List.of(QueueStep.lowerSkill(Duration.ofSeconds(30), 1),
            QueueStep.addQueues(Duration.ofSeconds(60), new QueueId("general-ko")),
            QueueStep.fallback(Duration.ofSeconds(600), "sms-self-service")))
        .withCalendar(calendar, List.of(QueueStep.fallback(Duration.ZERO, "sms-self-service")));
    assertEquals(config, QueueConfigBody.of(config).toConfig(null));
  }

  @Test
  void takesDefaultsForAbsentRoutingFieldsAndTheQueueFromTheDirectory() {
    QueueConfigBody partial = new QueueConfigBody("tax-ko", null, null, null, null, null, null, "ROUND_ROBIN", null,
        null, 10L, null, null, null, null, null, null);
    QueueConfig config = partial.toConfig(queue);
    assertEquals(queue, config.queue());
    assertEquals(AgentSelection.ROUND_ROBIN, config.selection());
    assertEquals(Duration.ofSeconds(10), config.wrapUp());
    assertEquals(QueueConfig.defaults(queue).offerTimeout(), config.offerTimeout());
  }

  @Test
  void refusesAnUnknownStrategy() {
    QueueConfigBody bad = new QueueConfigBody("tax-ko", null, null, null, null, null, null, "RANDOM", null,
        null, null, null, null, null, null, null, null);
    assertThrows(InvalidInputException.class, () -> bad.toConfig(queue));
  }

  @Test
  void anUnknownStepActionIsInvalidInputNotAServerError() {
    QueueConfigBody.Step step = new QueueConfigBody.Step(30, "TELEPORT", null, null, null);
    InvalidInputException e = assertThrows(InvalidInputException.class, step::toStep);
    assertEquals(true, e.getMessage().startsWith("action must be one of"), e.getMessage());
  }
}
