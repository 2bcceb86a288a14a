package org.onenumber.server.persistence;

import io.micronaut.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.testkit.CaseRegistryContract;
import org.onenumber.testkit.CitizenRegistryContract;
import org.onenumber.testkit.ContactJournalContract;
import org.onenumber.testkit.TestData;

/**
 * Runs the testkit's contract suites against the JDBC adapters on a fresh database per test (each
 * test instance creates its own, before the contract's own set-up runs).
 */
abstract class JdbcContractsTestBase {

  /** A fresh, migrated, empty database. */
  protected abstract DataSource freshDatabase();

  private Jdbc fresh() {
    return new Jdbc(freshDatabase());
  }

  /** The happy-call store's compare-and-set moves, the same on H2 and PostgreSQL. */
  @Nested
  class JdbcHappyCallStoreScenario {
    private final Jdbc jdbc = fresh();

    @org.junit.jupiter.api.Test
    void schedulesSendsOnceAndAnswersOnceOnTheDatabase() {
      var at = java.time.Instant.parse("2027-03-08T01:00:00Z");
      CitizenId kim = new CitizenId("citizen-c1");
      new JdbcCitizenRegistry(jdbc).save(new Citizen(kim, null, Set.of(new CitizenIdentity.Phone("+821055550001")),
          Language.KOREAN, Consent.DEFAULT));
      new JdbcContactJournal(jdbc, JsonMapper.createDefault()).append(
          TestData.contact("c1", org.onenumber.core.contact.Channel.SMS, Language.KOREAN, at), List.of());
      var contact = new org.onenumber.core.contact.ContactId("c1");
      JdbcHappyCallStore store = new JdbcHappyCallStore(jdbc);
      org.junit.jupiter.api.Assertions.assertTrue(store.schedule(
          org.onenumber.core.happycall.HappyCall.scheduled(contact, kim, at)));
      org.junit.jupiter.api.Assertions.assertFalse(store.schedule(
          org.onenumber.core.happycall.HappyCall.scheduled(contact, kim, at)));
      org.junit.jupiter.api.Assertions.assertEquals(1, store.due(at, 10).size());
      org.junit.jupiter.api.Assertions.assertTrue(store.lastSent(kim).isEmpty());
      org.junit.jupiter.api.Assertions.assertTrue(store.markSent(contact, "+821055550001", at));
      org.junit.jupiter.api.Assertions.assertFalse(store.markSent(contact, "+821055550001", at), "sent once");
      org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(at), store.lastSent(kim));
      org.junit.jupiter.api.Assertions.assertEquals(contact, store.awaiting("+821055550001").orElseThrow().contact());
      var followUp = new org.onenumber.core.happycall.FollowUp(contact, 1, at);
      org.junit.jupiter.api.Assertions.assertTrue(store.answer(contact, 1, at, followUp));
      org.junit.jupiter.api.Assertions.assertFalse(store.answer(contact, 5, at, null), "answered once");
      org.junit.jupiter.api.Assertions.assertEquals(List.of(followUp), store.followUps(10));
      org.junit.jupiter.api.Assertions.assertEquals(1, store.find(contact).orElseThrow().score());
    }

    /** Happy-call by IVR: called, called again, then the SMS fallback; a score during a call. */
    @org.junit.jupiter.api.Test
    void callsCountsCallsFallsBackToSmsAndTakesAScoreDuringACall() {
      var at = java.time.Instant.parse("2027-03-08T01:00:00Z");
      CitizenId kim = new CitizenId("citizen-c2");
      new JdbcCitizenRegistry(jdbc).save(new Citizen(kim, null, Set.of(new CitizenIdentity.Phone("+821055550002")),
          Language.KOREAN, Consent.DEFAULT));
      new JdbcCitizenRegistry(jdbc).save(new Citizen(new CitizenId("citizen-c3"), null,
          Set.of(new CitizenIdentity.Phone("+821055550003")), Language.KOREAN, Consent.DEFAULT));
      var journal = new JdbcContactJournal(jdbc, JsonMapper.createDefault());
      journal.append(TestData.contact("c2", org.onenumber.core.contact.Channel.VOICE, Language.KOREAN, at), List.of());
      journal.append(TestData.contact("c3", org.onenumber.core.contact.Channel.VOICE, Language.KOREAN, at), List.of());
      var c2 = new org.onenumber.core.contact.ContactId("c2");
      var c3 = new org.onenumber.core.contact.ContactId("c3");
      JdbcHappyCallStore store = new JdbcHappyCallStore(jdbc);
      store.schedule(org.onenumber.core.happycall.HappyCall.scheduled(c2, kim, at));
      store.schedule(org.onenumber.core.happycall.HappyCall.scheduled(c3, kim, at));
      org.junit.jupiter.api.Assertions.assertTrue(store.markCalling(c2, "+821055550002", at));
      org.junit.jupiter.api.Assertions.assertFalse(store.markCalling(c2, "+821055550002", at), "called once at a time");
      org.junit.jupiter.api.Assertions.assertEquals(List.of(c2),
          store.callingSince(at.plusSeconds(1), 10).stream().map(c -> c.contact()).toList());
      org.junit.jupiter.api.Assertions.assertTrue(store.callingSince(at, 10).isEmpty());
      org.junit.jupiter.api.Assertions.assertTrue(store.callAgain(c2, at.plusSeconds(1800)));
      org.junit.jupiter.api.Assertions.assertFalse(store.callAgain(c2, at), "not calling any more");
      var again = store.find(c2).orElseThrow();
      org.junit.jupiter.api.Assertions.assertEquals(org.onenumber.core.happycall.HappyCall.State.SCHEDULED, again.state());
      org.junit.jupiter.api.Assertions.assertEquals(at.plusSeconds(1800), again.dueAt());
      org.junit.jupiter.api.Assertions.assertEquals(1, again.calls());
      org.junit.jupiter.api.Assertions.assertTrue(store.markCalling(c2, "+821055550002", at.plusSeconds(1800)));
      org.junit.jupiter.api.Assertions.assertTrue(store.fallBackToSms(c2, at.plusSeconds(1900)));
      org.junit.jupiter.api.Assertions.assertEquals(2, store.find(c2).orElseThrow().calls());
      org.junit.jupiter.api.Assertions.assertEquals(c2, store.awaiting("+821055550002").orElseThrow().contact());
      org.junit.jupiter.api.Assertions.assertTrue(store.markCalling(c3, "+821055550002", at));
      org.junit.jupiter.api.Assertions.assertTrue(store.answer(c3, 4, at, null), "a score during the call");
      org.junit.jupiter.api.Assertions.assertFalse(store.fallBackToSms(c3, at), "answered: no SMS");
    }
  }

  /** The campaign store and the seniors-of-district audience, the same on H2 and PostgreSQL. */
  @Nested
  class JdbcCampaignStoreScenario {
    private final Jdbc jdbc = fresh();

    @org.junit.jupiter.api.Test
    void claimsSettlesReportsAndRecoversOnTheDatabase() {
      new JdbcSeniorRegistry(jdbc).saveAll(List.of(
          org.onenumber.testkit.WelfareScheduleContract.senior("S-1", "+821044440001",
              org.onenumber.core.welfare.CheckInMode.SMS),
          org.onenumber.testkit.WelfareScheduleContract.senior("S-2", "+821044440002",
              org.onenumber.core.welfare.CheckInMode.AUTOMATED)));
      var clock = new org.onenumber.testkit.ManualClock(java.time.Instant.parse("2027-03-08T01:00:00Z"));
      var audience = new org.onenumber.core.campaign.Audience.SeniorsOfDistrict("Jongno-gu");
      var phones = new JdbcCampaignAudiences(jdbc, clock, "Asia/Seoul").phones(audience);
      org.junit.jupiter.api.Assertions.assertEquals(List.of("+821044440001", "+821044440002"), phones);
      JdbcCampaignStore store = new JdbcCampaignStore(jdbc);
      store.create(new org.onenumber.core.campaign.Campaign("k1", "heat", "Heat wave", audience, clock.instant(), 1,
          org.onenumber.core.campaign.Campaign.State.SCHEDULED, "sv-01", clock.instant()), phones);
      var first = store.claim("k1", 1);
      org.junit.jupiter.api.Assertions.assertEquals(1, first.size());
      store.settle(first.get(0), org.onenumber.core.campaign.Recipient.State.SENT, "SM1");
      org.junit.jupiter.api.Assertions.assertTrue(store.delivery("SM1",
          org.onenumber.core.campaign.Recipient.State.DELIVERED));
      org.junit.jupiter.api.Assertions.assertEquals(1, store.claim("k1", 5).size());
      org.junit.jupiter.api.Assertions.assertEquals(1, store.recover());
      store.finishIfDone("k1");
      org.junit.jupiter.api.Assertions.assertEquals(org.onenumber.core.campaign.Campaign.State.DONE,
          store.find("k1").orElseThrow().state());
      org.junit.jupiter.api.Assertions.assertEquals(new org.onenumber.core.campaign.CampaignReport(2, 0, 0, 1, 1, 0),
          store.report("k1"));
      org.junit.jupiter.api.Assertions.assertTrue(store.due(clock.instant()).isEmpty());
    }
  }

  @Nested
  class JdbcContactJournalContract extends ContactJournalContract {
    private final Jdbc jdbc = fresh();

    @Override
    protected ContactJournal journal() {
      return new JdbcContactJournal(jdbc, JsonMapper.createDefault());
    }

    @Override
    protected CitizenRegistry citizens() {
      return new JdbcCitizenRegistry(jdbc);
    }
  }

  /**
   * Issue 17: routing's commit journals its contacts with {@link JdbcContactJournal#appendAll} in a
   * fixed number of statements (it sent four per contact, one after the other), storing what
   * {@code append} of each would: new contacts, later snapshots' new steps, and the events.
   */
  @Nested
  class JdbcContactJournalAppendAllScenario {
    private final Jdbc jdbc = fresh();
    private final JdbcContactJournal journal = new JdbcContactJournal(jdbc, JsonMapper.createDefault());
    private final CitizenId kim = new CitizenId("citizen-kim");
    private final Instant t0 = Instant.parse("2026-12-03T09:00:00Z");

    private Contact queued(String id) {
      return Contact.create(new ContactId(id), Channel.VOICE, kim, Language.KOREAN, Set.of(), 0, null, t0)
          .moveTo(new org.onenumber.core.contact.ContactStep(org.onenumber.core.contact.ContactState.QUEUED, t0, null,
              new org.onenumber.core.directory.QueueId("general-ko"), "intake"));
    }

    @org.junit.jupiter.api.Test
    void storesManyContactsInAFixedNumberOfStatementsAsAppendWould() {
      new JdbcCitizenRegistry(jdbc).save(new Citizen(kim, "김", Set.of(new CitizenIdentity.Phone("+821011112222")),
          Language.KOREAN, Consent.DEFAULT));
      List<Contact> stored = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        stored.add(queued("old-" + i));
        journal.append(stored.get(i), List.of());
      }
      List<Contact> batch = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        batch.add(stored.get(i).moveTo(new org.onenumber.core.contact.ContactStep(
            org.onenumber.core.contact.ContactState.OFFERED, t0.plusSeconds(i), new org.onenumber.core.agent.AgentId(
                "op-" + i), null, null)));
        batch.add(queued("new-" + i));
      }
      java.util.Map<ContactId, List<org.onenumber.core.event.DomainEvent>> events = new java.util.HashMap<>();
      for (Contact c : batch) {
        events.put(c.id(), List.of(new org.onenumber.core.event.ContactStateChanged(c.id(), c.channel(), c.language(),
            null, c.state(), null, c.agent(), "test", t0)));
      }
      long before = jdbc.statements();
      journal.appendAll(batch, events::get);
      long statements = jdbc.statements() - before;

      org.junit.jupiter.api.Assertions.assertTrue(statements <= 6, "20 contacts in " + statements + " statements, not 4 each");
      for (Contact c : batch) {
        org.junit.jupiter.api.Assertions.assertEquals(c, journal.find(c.id()).orElseThrow());
      }
      org.junit.jupiter.api.Assertions.assertEquals(20, jdbc.queryOne(
          "select count(*) from domain_event where type = 'contact.state-changed'", r -> r.getInt(1)).orElseThrow());
    }
  }

  @Nested
  class JdbcCitizenRegistryContract extends CitizenRegistryContract {
    private final Jdbc jdbc = fresh();

    @Override
    protected CitizenRegistry citizens() {
      return new JdbcCitizenRegistry(jdbc);
    }
  }

  @Nested
  class JdbcCaseRegistryContract extends CaseRegistryContract {
    private final Jdbc jdbc = fresh();

    @BeforeEach
    void departmentsCitizenAndContacts() {
      caseWorld(jdbc);
    }

    @Override
    protected CaseRegistry cases() {
      return new JdbcCaseRegistry(jdbc);
    }
  }

  /** Departments water and roads, citizen citizen-kim and contacts c-1, c-2: what cases refer to. */
  private static void caseWorld(Jdbc jdbc) {
    JdbcDirectory directory = new JdbcDirectory(jdbc);
    directory.save(TestData.department("water"), List.of("수도 누수"));
    directory.save(TestData.department("roads"), List.of("포트홀"));
    CitizenId kim = new CitizenId("citizen-kim");
    new JdbcCitizenRegistry(jdbc).save(new Citizen(kim, null, Set.of(new CitizenIdentity.Phone("+821055556666")),
        Language.KOREAN, Consent.DEFAULT));
    JdbcContactJournal journal = new JdbcContactJournal(jdbc, JsonMapper.createDefault());
    for (String id : List.of("c-1", "c-2")) {
      journal.append(Contact.create(new ContactId(id), Channel.VOICE, kim, Language.KOREAN, Set.of(), 0, null,
          Instant.parse("2026-11-23T00:00:00Z")), List.of());
    }
  }

  @Nested
  class JdbcCaseAttachmentsContract extends org.onenumber.testkit.CaseAttachmentsContract {
    private final Jdbc jdbc = fresh();

    @BeforeEach
    void departmentsCitizenAndContacts() {
      caseWorld(jdbc);
    }

    @Override
    protected org.onenumber.core.port.out.CaseAttachments attachments() {
      return new JdbcCaseAttachments(jdbc);
    }

    @Override
    protected CaseRegistry cases() {
      return new JdbcCaseRegistry(jdbc);
    }
  }

  @Nested
  class JdbcWelfareScheduleContract extends org.onenumber.testkit.WelfareScheduleContract {
    private final Jdbc jdbc = fresh();

    @Override
    protected org.onenumber.core.port.out.WelfareSchedule schedule() {
      return new JdbcWelfareSchedule(jdbc);
    }

    @Override
    protected org.onenumber.core.port.out.SeniorRegistry seniors() {
      return new JdbcSeniorRegistry(jdbc);
    }
  }
}
