package org.onenumber.server.campaign;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import org.onenumber.core.campaign.Campaigns;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.server.persistence.JdbcCampaignAudiences;
import org.onenumber.server.persistence.JdbcCampaignStore;
import org.onenumber.server.persistence.JdbcCitizenRegistry;

/** Wires {@link Campaigns} to the database, the citizens' STOP flags and the SMS gateway. */
@Factory
final class CampaignFactory {

  @Singleton
  Campaigns campaigns(JdbcCampaignStore store, JdbcCampaignAudiences audiences, JdbcCitizenRegistry citizens,
      MessageGateway messages, InstantSource clock) {
    return new Campaigns(store, audiences, citizens, messages, clock);
  }
}
