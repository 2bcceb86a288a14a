package org.onenumber.ops.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.ContactCategorized;
import org.onenumber.core.event.ContactCreated;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.SurveyAnswered;

class LiveServiceLevelsTest {

  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  private final LiveServiceLevels live = new LiveServiceLevels(ServiceLevelPolicy.defaults(ZoneId.of("Asia/Seoul")));
  private final QueueId queue = new QueueId("general");
  private final AgentId agent = new AgentId("op-001");

  private void arrive(String id, String citizen, int second) {
    Instant at = T0.plusSeconds(second);
    live.accept(new ContactCreated(new ContactId(id), Channel.VOICE, new CitizenId(citizen), Language.KOREAN, 0, at));
    live.accept(new ContactCategorized(new ContactId(id), "parking", at));
    move(id, ContactState.CREATED, ContactState.QUEUED, second, null);
  }

  private void move(String id, ContactState from, ContactState to, int second, String reason) {
    live.accept(new ContactStateChanged(new ContactId(id), Channel.VOICE, Language.KOREAN, from, to, queue,
        to == ContactState.OFFERED ? agent : null, reason, T0.plusSeconds(second)));
  }

  private void answer(String id, int offeredAt, int connectedAt) {
    move(id, ContactState.QUEUED, ContactState.OFFERED, offeredAt, null);
    move(id, ContactState.OFFERED, ContactState.CONNECTED, connectedAt, null);
  }

  @Test
  void serviceLevelVariantsFollowTheirFormulas() {
    arrive("a", "c1", 0);
    answer("a", 5, 10);
    arrive("b", "c2", 0);
    move("b", ContactState.QUEUED, ContactState.ABANDONED, 3, null);
    arrive("c", "c3", 0);
    answer("c", 18, 20);

    Tally t = live.tally(Scope.CENTER, new Window.Today(), T0.plusSeconds(60));
    ServiceLevelPolicy p = live.policy();
    assertEquals(1.0 / 3, Figures.of(t, p.withVariant(ServiceLevelVariant.OF_OFFERED)).serviceLevel(), 1e-9);
    assertEquals(1.0 / 2, Figures.of(t, p.withVariant(ServiceLevelVariant.OF_ANSWERED)).serviceLevel(), 1e-9);
    assertEquals(2.0 / 3, Figures.of(t, p.withVariant(ServiceLevelVariant.ABANDONS_WITHIN_T_MET)).serviceLevel(), 1e-9);
    assertEquals(1.0 / 2, Figures.of(t, p.withVariant(ServiceLevelVariant.SHORT_ABANDONS_EXCLUDED)).serviceLevel(), 1e-9);
    Figures f = Figures.of(t, p);
    assertEquals(15.0, f.asaSeconds(), 1e-9);
    assertEquals(1, f.shortAbandons());
    assertEquals(2.0 / 3, f.responseRate(), 1e-9);
  }

  @Test
  void repeatContactInSameCategoryTakesBackFirstContactResolution() {
    arrive("a", "c1", 0);
    answer("a", 1, 2);
    move("a", ContactState.CONNECTED, ContactState.WRAP_UP, 62, null);
    move("a", ContactState.WRAP_UP, ContactState.CLOSED, 92, "resolved");
    Instant later = T0.plusSeconds(120);
    assertEquals(1.0, live.figures(Scope.CENTER, new Window.Today(), later).fcr());
    assertEquals(90.0, live.figures(Scope.CENTER, new Window.Today(), later).handleSeconds(), 1e-9);

    arrive("b", "c1", 3600);
    assertEquals(0.0, live.figures(Scope.CENTER, new Window.Today(), T0.plusSeconds(3601)).fcr());
  }

  @Test
  void theOperatorsDispositionMovesARepeatOutOfTheGuessedCategory() {
    arrive("a", "c1", 0);
    answer("a", 1, 2);
    move("a", ContactState.CONNECTED, ContactState.CLOSED, 62, "resolved");
    arrive("b", "c1", 3600); // guessed "parking" too: a repeat of a
    Instant later = T0.plusSeconds(3700);
    assertEquals(0.0, live.figures(Scope.CENTER, new Window.Today(), later).fcr());

    live.accept(new ContactCategorized(new ContactId("b"), "noise", T0.plusSeconds(3650)));
    assertEquals(1.0, live.figures(Scope.CENTER, new Window.Today(), later).fcr(), "a is first-contact resolved again");

    live.accept(new ContactCategorized(new ContactId("a"), "noise", T0.plusSeconds(3660)));
    assertEquals(0.0, live.figures(Scope.CENTER, new Window.Today(), later).fcr(), "a disposed into b's category");
  }

  @Test
  void surveysGiveSatisfactionAndConfirmedResolution() {
    arrive("a", "c1", 0);
    answer("a", 1, 2);
    move("a", ContactState.CONNECTED, ContactState.CLOSED, 50, null);
    live.accept(new SurveyAnswered(new ContactId("a"), true, 4, T0.plusSeconds(100)));
    Figures f = live.figures(Scope.agent(agent), new Window.Rolling(java.time.Duration.ofMinutes(15)), T0.plusSeconds(100));
    assertEquals(4.0, f.satisfaction());
    assertEquals(1.0, f.fcrSurvey());
    assertEquals(1.0, f.contactsPerAgent());
  }

  @Test
  void longestWaitIsTheOldestContactStillWaiting() {
    arrive("a", "c1", 0);
    arrive("b", "c2", 30);
    LiveStatus status = live.status(Scope.queue(queue), T0.plusSeconds(45));
    assertEquals(2, status.waiting());
    assertEquals(45.0, status.longestWaitSeconds());
  }

  @Test
  void forgettingOldDaysDropsTheirMinutesButKeepsToday() {
    arrive("a", "c1", 0);
    move("a", ContactState.QUEUED, ContactState.ABANDONED, 10, null);
    Instant nextDay = T0.plus(java.time.Duration.ofDays(1));
    live.accept(new ContactCreated(new ContactId("b"), Channel.VOICE, new CitizenId("c2"), Language.KOREAN, 0, nextDay));
    live.accept(new ContactStateChanged(new ContactId("b"), Channel.VOICE, Language.KOREAN, ContactState.CREATED,
        ContactState.QUEUED, queue, null, null, nextDay));
    live.forget(nextDay.minusSeconds(3600));
    Window allTime = new Window.Fixed(T0.minusSeconds(3600), java.time.Duration.ofDays(3));
    assertEquals(1, live.figures(Scope.CENTER, allTime, nextDay).offered());
    assertEquals(1, live.status(Scope.CENTER, nextDay).waiting());
  }
}
