package org.onenumber.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.ops.sla.ServiceLevelPolicy;
import org.onenumber.testkit.FakeDirectory;

/**
 * The service-level policy reads each queue's threshold from the directory when it counts: on a
 * fresh server the seed creates the queues after the policy is built, and a contact of the
 * messaging queue (T 120 s) was counted against the center's 15 s while the simulator, reading
 * {@code GET /api/v1/queues}, used 120 s — the SL15 gap of the city-day replays.
 */
class OpsFactoryTest {

  private final FakeDirectory directory = new FakeDirectory();
  private final ServiceLevelPolicy policy = new OpsFactory().policy(directory, 15, "of-offered", 5, 7, "Asia/Seoul");
  private final QueueId messaging = new QueueId("messaging-ko");

  @Test
  void aQueueCreatedAfterThePolicyIsCountedAgainstItsOwnThreshold() {
    assertEquals(Duration.ofSeconds(15), policy.thresholdFor(messaging), "not created yet: the center's T");
    directory.add(queue(Duration.ofSeconds(120)));
    assertEquals(Duration.ofSeconds(120), policy.thresholdFor(messaging));
    assertEquals(Duration.ofSeconds(15), policy.thresholdFor(null), "no queue: the center's T");
  }

  private Queue queue(Duration threshold) {
    return new Queue(messaging, "messaging", Set.of(Language.KOREAN), Set.of(Channel.CHAT), List.of(), 0, threshold);
  }
}
