package org.onenumber.core.happycall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.event.SurveyAnswered;
import org.onenumber.testkit.FakeCallControl;
import org.onenumber.testkit.FakeCitizenRegistry;
import org.onenumber.testkit.FakeHappyCallStore;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.ManualClock;

class HappyCallsTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final String PHONE = "+821055550001";
  // 14:00 in Seoul
  private static final Instant AFTERNOON = Instant.parse("2027-03-08T05:00:00Z");

  private final HappyCallSettings settings = new HappyCallSettings(Duration.ofHours(2), LocalTime.of(21, 0),
      LocalTime.of(9, 0), SEOUL, Duration.ofDays(30), 2);
  private final ManualClock clock = new ManualClock(AFTERNOON);
  private final FakeHappyCallStore store = new FakeHappyCallStore();
  private final FakeCitizenRegistry citizens = new FakeCitizenRegistry();
  private final FakeMessageGateway gateway = new FakeMessageGateway();
  private final List<SurveyAnswered> surveys = new ArrayList<>();
  private final Set<ContactId> escalated = new HashSet<>();
  private final HappyCalls happy = new HappyCalls(settings, store, citizens, gateway,
      a -> surveys.add(a), escalated::contains, clock);
  private final CitizenId kim = new CitizenId("kim");

  HappyCallsTest() {
    citizens.save(new Citizen(kim, "Kim", Set.of(new CitizenIdentity.Phone(PHONE)), Language.KOREAN, Consent.DEFAULT));
  }

  @Test
  void sendsTheSurveyTheConfiguredTimeAfterResolution() {
    assertTrue(happy.resolved(new ContactId("c1"), kim, clock.instant()));
    assertFalse(happy.resolved(new ContactId("c1"), kim, clock.instant()), "one survey per contact");
    clock.advance(Duration.ofMinutes(119));
    assertEquals(0, happy.sendDue(10));
    clock.advance(Duration.ofMinutes(1));
    assertEquals(1, happy.sendDue(10));
    assertEquals(PHONE, gateway.sent().get(0).to());
    assertEquals(0, happy.sendDue(10), "sent once");
  }

  @Test
  void aSurveyFallingIntoQuietHoursWaitsForTheMorning() {
    Instant evening = Instant.parse("2027-03-08T11:30:00Z"); // 20:30 Seoul, due 22:30
    assertEquals(Instant.parse("2027-03-09T00:00:00Z"), settings.dueAt(evening)); // 09:00 Seoul
    clock.advance(Duration.between(AFTERNOON, evening));
    happy.resolved(new ContactId("c1"), kim, evening);
    clock.advance(Duration.ofHours(4));
    assertEquals(0, happy.sendDue(10));
    clock.advance(Duration.ofHours(8).plusMinutes(30));
    assertEquals(1, happy.sendDue(10));
  }

  @Test
  void theSweepSendsNothingInsideQuietHoursEvenWhenLate() {
    happy.resolved(new ContactId("c1"), kim, clock.instant());
    clock.advance(Duration.ofHours(8)); // 22:00 Seoul
    assertEquals(0, happy.sendDue(10));
    assertTrue(gateway.sent().isEmpty());
  }

  @Test
  void sendsAtMostOneSurveyPerCitizenWithinTheGap() {
    happy.resolved(new ContactId("c1"), kim, clock.instant());
    happy.resolved(new ContactId("c2"), kim, clock.instant().plusSeconds(60));
    clock.advance(Duration.ofHours(3));
    assertEquals(1, happy.sendDue(10));
    assertEquals(HappyCall.State.SKIPPED, store.find(new ContactId("c2")).orElseThrow().state());
  }

  @Test
  void skipsEscalatedContactsAndCitizensWhoSaidStop() {
    CitizenId lee = new CitizenId("lee");
    citizens.save(new Citizen(lee, "Lee", Set.of(new CitizenIdentity.Phone("+821055550002")), Language.KOREAN,
        Consent.DEFAULT.withSmsOptOut(true)));
    happy.resolved(new ContactId("c-stop"), lee, clock.instant());
    escalated.add(new ContactId("c-case"));
    happy.resolved(new ContactId("c-case"), kim, clock.instant());
    clock.advance(Duration.ofHours(3));
    assertEquals(0, happy.sendDue(10));
    assertTrue(gateway.sent().isEmpty());
  }

  @Test
  void aHighScoreIsAResolvedSurveyAnswerWithoutFollowUp() {
    happy.resolved(new ContactId("c1"), kim, clock.instant());
    clock.advance(Duration.ofHours(3));
    happy.sendDue(10);
    assertFalse(happy.reply(new CitizenIdentity.Phone(PHONE), "7"));
    assertTrue(happy.reply(new CitizenIdentity.Phone(PHONE), " 4 "));
    assertEquals(1, surveys.size());
    assertTrue(surveys.get(0).resolved());
    assertEquals(4, surveys.get(0).score());
    assertTrue(happy.followUps(10).isEmpty());
    assertFalse(happy.reply(new CitizenIdentity.Phone(PHONE), "5"), "answered once");
  }

  @Test
  void aLowScoreOpensAFollowUpForSupervisors() {
    happy.resolved(new ContactId("c1"), kim, clock.instant());
    clock.advance(Duration.ofHours(3));
    happy.sendDue(10);
    assertTrue(happy.reply(new CitizenIdentity.Phone(PHONE), "2"));
    assertFalse(surveys.get(0).resolved());
    assertEquals(List.of(new FollowUp(new ContactId("c1"), 2, clock.instant())), happy.followUps(10));
  }

  @Test
  void aReplyFromAPhoneWithoutAWaitingSurveyAnswersNothing() {
    assertFalse(happy.reply(new CitizenIdentity.Phone(PHONE), "3"));
    assertTrue(surveys.isEmpty());
  }

  private final FakeCallControl carrier = new FakeCallControl();
  private final Set<ContactId> voiceContacts = new HashSet<>();
  private final HappyCalls byPhone = new HappyCalls(settings, store, citizens, gateway, a -> surveys.add(a),
      escalated::contains, clock, new HappyCallVoice(carrier, voiceContacts::contains, 2, Duration.ofMinutes(30),
          Duration.ofMinutes(5)));

  private ContactId resolvedVoiceContact(String id, Language language) {
    citizens.save(new Citizen(kim, "Kim", Set.of(new CitizenIdentity.Phone(PHONE)), language, Consent.DEFAULT));
    ContactId contact = new ContactId(id);
    voiceContacts.add(contact);
    byPhone.resolved(contact, kim, clock.instant());
    clock.advance(Duration.ofHours(2));
    return contact;
  }

  @Test
  void aVoiceContactIsSurveyedByACallInTheCitizensLanguageAndTheKeyIsTheScore() {
    ContactId contact = resolvedVoiceContact("v1", Language.VIETNAMESE);
    assertEquals(1, byPhone.sendDue(10));
    assertEquals(List.of("originate v1 " + PHONE + " vi happy-call"), carrier.requests());
    assertEquals(HappyCall.State.CALLING, store.find(contact).orElseThrow().state());
    assertTrue(byPhone.scored(contact, 5));
    assertFalse(byPhone.scored(contact, 4), "one score per survey");
    assertFalse(byPhone.notAnswered(contact), "the end of an answered call changes nothing");
    assertEquals(List.of(5), surveys.stream().map(SurveyAnswered::score).toList());
    assertTrue(gateway.sent().isEmpty(), "no SMS for a survey answered on the phone");
    assertEquals(0, byPhone.sendDue(10));
  }

  @Test
  void aCallNotAnsweredIsCalledAgainLaterThenTheSmsGoesOutAndItsReplyCounts() {
    ContactId contact = resolvedVoiceContact("v2", Language.KOREAN);
    byPhone.sendDue(10);
    assertTrue(byPhone.notAnswered(contact));
    assertFalse(byPhone.notAnswered(contact), "the same call reported twice counts once");
    clock.advance(Duration.ofMinutes(29));
    assertEquals(0, byPhone.sendDue(10));
    clock.advance(Duration.ofMinutes(1));
    assertEquals(1, byPhone.sendDue(10), "called again 30 min later, not skipped for its own first call");
    assertEquals(2, carrier.originated().size());
    assertTrue(byPhone.notAnswered(contact));
    assertEquals(1, gateway.sent().size(), "after the second call, the SMS");
    assertEquals(PHONE, gateway.sent().get(0).to());
    assertEquals(HappyCall.State.SENT, store.find(contact).orElseThrow().state());
    assertTrue(byPhone.reply(new CitizenIdentity.Phone(PHONE), "1"));
    assertEquals(List.of(new FollowUp(contact, 1, clock.instant())), byPhone.followUps(10));
  }

  @Test
  void aLateReportOfAnEarlierCallDoesNotEndTheNextCall() {
    ContactId contact = resolvedVoiceContact("v4", Language.ENGLISH);
    byPhone.sendDue(10);
    assertEquals(1, carrier.originated().getFirst().attempt());
    assertFalse(byPhone.notAnswered(contact, 2), "no second call under way yet");
    assertTrue(byPhone.notAnswered(contact, 1));
    clock.advance(Duration.ofMinutes(30));
    assertEquals(1, byPhone.sendDue(10));
    assertEquals(2, carrier.originated().get(1).attempt(), "the second call is placed as call 2");
    assertFalse(byPhone.notAnswered(contact, 1), "the first call's late report changes nothing");
    assertEquals(HappyCall.State.CALLING, store.find(contact).orElseThrow().state());
    assertTrue(gateway.sent().isEmpty());
    assertTrue(byPhone.notAnswered(contact, 2));
    assertEquals(HappyCall.State.SENT, store.find(contact).orElseThrow().state(), "the second call's end: the SMS");
  }

  @Test
  void aCallNobodyReportsOnCountsAsNotAnsweredAndARefusedCallToo() {
    ContactId contact = resolvedVoiceContact("v3", Language.ENGLISH);
    byPhone.sendDue(10);
    clock.advance(Duration.ofMinutes(4));
    assertEquals(0, byPhone.expireCalls(10));
    clock.advance(Duration.ofMinutes(2));
    assertEquals(1, byPhone.expireCalls(10));
    assertEquals(HappyCall.State.SCHEDULED, store.find(contact).orElseThrow().state());
    clock.advance(Duration.ofMinutes(30));
    carrier.down(true);
    assertEquals(0, byPhone.sendDue(10));
    assertEquals(HappyCall.State.SENT, store.find(contact).orElseThrow().state(), "second call refused: the SMS");
    assertEquals(1, gateway.sent().size());
  }

  @Test
  void aTextContactIsStillSurveyedBySms() {
    byPhone.resolved(new ContactId("t1"), kim, clock.instant());
    clock.advance(Duration.ofHours(2));
    assertEquals(1, byPhone.sendDue(10));
    assertTrue(carrier.requests().isEmpty());
    assertEquals(1, gateway.sent().size());
  }
}
