package org.onenumber.server.campaign;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.onenumber.core.campaign.Campaigns;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.server.cluster.RoutingOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one round of every due campaign each {@code onenumber.campaigns.round-every} (1 s) on the
 * scheduler's thread (rounds never overlap); the first round after a start recovers recipients a
 * crash left in doubt. Off when {@code onenumber.campaigns.sender} is false. A failure is logged
 * and the next round goes on from the durable recipients.
 */
@Singleton
final class CampaignSweep {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignSweep.class);

  private final Campaigns campaigns;
  private final boolean enabled;
  private final AtomicBoolean recovered = new AtomicBoolean();

  CampaignSweep(Campaigns campaigns, @Value("${onenumber.campaigns.sender:true}") boolean enabled) {
    this.campaigns = campaigns;
    this.enabled = enabled;
  }

  @Scheduled(fixedDelay = "${onenumber.campaigns.round-every:1s}", initialDelay = "${onenumber.campaigns.round-every:1s}",
      condition = RoutingOwnership.ONE_NODE_ONLY)
  void round() {
    if (!enabled) {
      return;
    }
    try {
      if (recovered.compareAndSet(false, true)) {
        int doubtful = campaigns.recover();
        if (doubtful > 0) {
          LOG.warn("{} campaign messages were being sent when the server stopped: reported as failed", doubtful);
        }
      }
      campaigns.sendRound();
    } catch (OneNumberException e) {
      LOG.warn("campaign round failed, the next round goes on: {}", e.getMessage());
    }
  }
}
