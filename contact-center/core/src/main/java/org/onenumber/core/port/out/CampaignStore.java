package org.onenumber.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.campaign.Campaign;
import org.onenumber.core.campaign.CampaignReport;
import org.onenumber.core.campaign.Recipient;

/** Durable campaigns and their recipients. Every recipient change is a compare-and-set. */
public interface CampaignStore {

  /** Stores the campaign and its recipients (PENDING) in one transaction. */
  void create(Campaign campaign, List<String> phones);

  Optional<Campaign> find(String id);

  /** Newest first. */
  List<Campaign> list(int limit);

  /** SCHEDULED or SENDING campaigns whose time has come. */
  List<Campaign> due(Instant now);

  /** Claims up to {@code limit} PENDING recipients as SENDING, lowest seq first, and marks the campaign SENDING. */
  List<Recipient> claim(String campaign, int limit);

  /** SENDING to SENT (with the carrier's id), FAILED, SKIPPED, or back to PENDING (it did not leave). */
  void settle(Recipient recipient, Recipient.State state, String providerId);

  /** A carrier's status for a message it was given: DELIVERED or FAILED. @return false when no recipient has that id */
  boolean delivery(String providerId, Recipient.State state);

  /** After a restart: recipients left SENDING may or may not have left, so they count as FAILED. */
  int recover();

  /** SENDING to DONE when no recipient is PENDING. */
  void finishIfDone(String campaign);

  CampaignReport report(String campaign);
}
