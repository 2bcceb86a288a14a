package org.onenumber.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.testkit.FakeCampaignStore;
import org.onenumber.testkit.FakeCitizenRegistry;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.ManualClock;

class CampaignsTest {

  private static final Audience MAPO = new Audience.SeniorsOfDistrict("Mapo-gu");
  private final ManualClock clock = new ManualClock(Instant.parse("2027-07-01T00:00:00Z"));
  private final FakeCampaignStore store = new FakeCampaignStore();
  private final FakeCitizenRegistry citizens = new FakeCitizenRegistry();
  private final FakeMessageGateway gateway = new FakeMessageGateway();
  private final List<String> phones = new ArrayList<>(IntStream.range(0, 25)
      .mapToObj(i -> String.format("+8210555%05d", i)).toList());
  private final Campaigns campaigns = new Campaigns(store, a -> List.copyOf(phones), citizens, gateway, clock);

  @Test
  void previewCountsTheAudienceAndShowsOnlyTheText() {
    Campaigns.Preview preview = campaigns.preview(MAPO, "Heat wave tomorrow: drink water");
    assertEquals(25, preview.recipients());
    assertEquals("Heat wave tomorrow: drink water", preview.sampleText());
    assertTrue(gateway.sent().isEmpty());
  }

  @Test
  void sendsNothingBeforeItsTimeThenAtMostPerSecondARound() {
    campaigns.create("k1", "heat", "Heat wave", MAPO, clock.instant().plus(Duration.ofHours(1)), 10, "sv-01");
    assertEquals(0, campaigns.sendRound());
    clock.advance(Duration.ofHours(1));
    assertEquals(10, campaigns.sendRound());
    assertEquals(10, campaigns.sendRound());
    assertEquals(5, campaigns.sendRound());
    assertEquals(0, campaigns.sendRound());
    assertEquals(Campaign.State.DONE, campaigns.find("k1").state());
    assertEquals(25, new HashSet<>(gateway.sent().stream().map(MessageGateway.Outbound::to).toList()).size());
    assertEquals(new CampaignReport(25, 0, 25, 0, 0, 0), campaigns.report("k1"));
  }

  @Test
  void aCitizenWhoSaidStopIsSkipped() {
    citizens.save(new Citizen(new CitizenId("stop"), "Stop", Set.of(new CitizenIdentity.Phone(phones.get(3))),
        Language.KOREAN, Consent.DEFAULT.withSmsOptOut(true)));
    campaigns.create("k1", "heat", "Heat wave", MAPO, null, 100, "sv-01");
    assertEquals(24, campaigns.sendRound());
    assertFalse(gateway.sent().stream().anyMatch(o -> o.to().equals(phones.get(3))));
    assertEquals(1, campaigns.report("k1").skipped());
  }

  @Test
  void statusCallbacksMakeTheDeliveryReport() {
    campaigns.create("k1", "heat", "Heat wave", MAPO, null, 100, "sv-01");
    campaigns.sendRound();
    assertTrue(campaigns.delivery("FAKE1", "delivered"));
    assertTrue(campaigns.delivery("FAKE2", "undelivered"));
    assertFalse(campaigns.delivery("FAKE3", "sent"), "not final");
    assertFalse(campaigns.delivery("SMother", "delivered"));
    assertEquals(new CampaignReport(25, 0, 23, 1, 1, 0), campaigns.report("k1"));
  }

  @Test
  void aCarrierOutageStopsTheRoundAndTheRestWaits() {
    campaigns.create("k1", "heat", "Heat wave", MAPO, null, 10, "sv-01");
    gateway.failNext(1);
    assertEquals(0, campaigns.sendRound());
    assertEquals(new CampaignReport(25, 25, 0, 0, 0, 0), campaigns.report("k1"));
    assertEquals(0, campaigns.recover(), "nothing left in doubt");
    assertEquals(10, campaigns.sendRound());
    assertEquals(phones.get(0), gateway.sent().get(0).to());
  }

  @Test
  void aRestartMidCampaignNeitherSkipsNorDoubles() {
    campaigns.create("k1", "heat", "Heat wave", MAPO, null, 10, "sv-01");
    campaigns.sendRound();
    // a crash after claiming the next ten, before any left
    store.claim("k1", 3);
    Campaigns restarted = new Campaigns(store, a -> List.copyOf(phones), citizens, gateway, clock);
    assertEquals(3, restarted.recover());
    while (restarted.sendRound() > 0) {
      clock.advanceSeconds(1);
    }
    List<String> to = gateway.sent().stream().map(MessageGateway.Outbound::to).toList();
    assertEquals(to.size(), new HashSet<>(to).size(), "nobody twice");
    CampaignReport report = restarted.report("k1");
    assertEquals(new CampaignReport(25, 0, 22, 0, 3, 0), report, "the three in doubt are reported, not hidden");
  }

  @Test
  void refusesBadInput() {
    assertThrows(InvalidInputException.class, () -> campaigns.create("k1", "x", "t", MAPO, null, 0, "sv-01"));
    assertThrows(InvalidInputException.class, () -> campaigns.create("k1", "x", "t".repeat(481), MAPO, null, 5, "sv-01"));
    assertThrows(InvalidInputException.class, () -> Audience.of("everyone", "x"));
  }
}
