package org.onenumber.core.campaign;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.CampaignAudiences;
import org.onenumber.core.port.out.CampaignStore;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.MessageGateway;

/**
 * Notification campaigns. The cases:
 *
 * <ol>
 *   <li>Preview: how many phones the audience holds today and the text, never who they are.
 *   <li>Create: the audience is resolved once and stored as PENDING recipients with the campaign;
 *       a time in the past means now.
 *   <li>A round ({@link #sendRound}, run once a second): each due campaign claims at most
 *       {@code perSecond} recipients (PENDING to SENDING) and sends them; so the throughput limit
 *       holds per second of rounds.
 *   <li>A recipient who said STOP ({@code smsOptOut}) by now is SKIPPED, not sent.
 *   <li>A carrier refusal is FAILED; a carrier outage (retriable: the message did not leave) puts
 *       the recipient and the rest of the round's claim back to PENDING and ends the round.
 *   <li>Status callbacks mark SENT recipients DELIVERED or FAILED.
 *   <li>After a restart, recipients left SENDING count as FAILED (they may have left): no one is
 *       sent twice, and no one is silently skipped (the report says so).
 * </ol>
 *
 * Stateless over its ports; rounds must not overlap (the server runs them on one scheduler thread).
 */
public final class Campaigns {

  /** What a preview shows: the audience's size and the text, no personal data. */
  public record Preview(int recipients, String sampleText) {}

  private final CampaignStore store;
  private final CampaignAudiences audiences;
  private final CitizenRegistry citizens;
  private final MessageGateway messages;
  private final InstantSource clock;

  public Campaigns(CampaignStore store, CampaignAudiences audiences, CitizenRegistry citizens,
      MessageGateway messages, InstantSource clock) {
    this.store = store;
    this.audiences = audiences;
    this.citizens = citizens;
    this.messages = messages;
    this.clock = clock;
  }

  /** Case 1. */
  public Preview preview(Audience audience, String text) {
    InvalidInputException.requireText(text, "text");
    return new Preview(audiences.phones(audience).size(), text);
  }

  /** Case 2. */
  public Campaign create(String id, String name, String text, Audience audience, Instant sendAt, int perSecond,
      String by) {
    Instant now = clock.instant();
    Campaign campaign = new Campaign(id, name, text, audience, sendAt == null || sendAt.isBefore(now) ? now : sendAt,
        perSecond, Campaign.State.SCHEDULED, by, now);
    store.create(campaign, audiences.phones(audience));
    return campaign;
  }

  /** Cases 3 to 5. @return messages sent this round */
  public int sendRound() {
    int sent = 0;
    for (Campaign campaign : store.due(clock.instant())) {
      List<Recipient> claimed = store.claim(campaign.id(), campaign.perSecond());
      for (int i = 0; i < claimed.size(); i++) {
        Recipient r = claimed.get(i);
        if (citizens.findByIdentity(new CitizenIdentity.Phone(r.phone())).map(c -> c.consent().smsOptOut())
            .orElse(false)) {
          store.settle(r, Recipient.State.SKIPPED, null);
          continue;
        }
        try {
          MessageGateway.Receipt receipt = messages.send(new MessageGateway.Outbound(null, Channel.SMS, r.phone(),
              campaign.text(), List.of()));
          store.settle(r, Recipient.State.SENT, receipt.providerId());
          sent++;
        } catch (RetriableException outage) {
          claimed.subList(i, claimed.size()).forEach(back -> store.settle(back, Recipient.State.PENDING, null));
          return sent;
        } catch (RuntimeException refused) {
          store.settle(r, Recipient.State.FAILED, null);
        }
      }
      store.finishIfDone(campaign.id());
    }
    return sent;
  }

  /** Case 6. @return false when the message is no campaign's */
  public boolean delivery(String providerId, String status) {
    Recipient.State state = switch (status == null ? "" : status) {
      case "delivered", "read" -> Recipient.State.DELIVERED;
      case "failed", "undelivered" -> Recipient.State.FAILED;
      default -> null;
    };
    return state != null && providerId != null && store.delivery(providerId, state);
  }

  /** Case 7. */
  public int recover() {
    return store.recover();
  }

  public Campaign find(String id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
  }

  public List<Campaign> list(int limit) {
    return store.list(limit);
  }

  public CampaignReport report(String id) {
    find(id);
    return store.report(id);
  }
}
