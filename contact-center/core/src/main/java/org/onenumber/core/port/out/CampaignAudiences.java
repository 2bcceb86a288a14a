package org.onenumber.core.port.out;

import java.util.List;
import org.onenumber.core.campaign.Audience;

/** Resolves an audience to the phone numbers it holds today, each once, in a stable order. */
public interface CampaignAudiences {

  List<String> phones(Audience audience);
}
