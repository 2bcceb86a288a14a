package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;

/** Policy case 10: the calendar decides which steps a new contact follows. */
class BusinessHoursTest {

  private final Routing r = new Routing();
  private final BusinessCalendar weekdays = new BusinessCalendar(ZoneId.of("Asia/Seoul"),
      Map.of(DayOfWeek.MONDAY, List.of(new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(18, 0)))),
      Set.of(LocalDate.of(2026, 12, 25)));

  private void configure() {
    r.configure(QueueConfig.defaults(Routing.queue("general", Set.of(Language.KOREAN), List.of()))
        .withCalendar(weekdays, List.of(QueueStep.fallback(Duration.ZERO, "sms-self-service"))));
  }

  @Test
  void sendsAContactArrivingAfterHoursToTheClosedHoursFallback() {
    r.clock.advance(Duration.ofHours(9));
    configure();
    ContactId call = r.arrive("general");
    assertNull(r.state(call), "Monday 09:00 UTC is 18:00 in Seoul: closed");
    assertEquals("fallback:sms-self-service",
        r.events(org.onenumber.core.event.ContactStateChanged.class).getLast().reason());
    assertEquals(ContactState.CLOSED, r.events(org.onenumber.core.event.ContactStateChanged.class).getLast().to());
  }

  @Test
  void queuesAContactArrivingDuringOpeningHours() {
    r.clock.advance(Duration.ofHours(8).plusMinutes(30).plus(Duration.ofDays(7)));
    configure();
    ContactId call = r.arrive("general");
    assertEquals(ContactState.QUEUED, r.state(call), "Monday 08:30 UTC next week is 17:30 in Seoul: open");
  }

  @Test
  void isClosedOnAHoliday() {
    assertEquals(false, weekdays.isOpen(java.time.Instant.parse("2026-12-25T03:00:00Z")));
  }
}
