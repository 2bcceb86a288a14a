package org.onenumber.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.campaign.Campaign;
import org.onenumber.core.campaign.CampaignReport;
import org.onenumber.core.campaign.Recipient;
import org.onenumber.core.port.out.CampaignStore;

/** In-memory {@link CampaignStore}; thread-safe by synchronisation. */
public final class FakeCampaignStore implements CampaignStore {

  private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
  private final Map<String, List<Recipient>> recipients = new HashMap<>();
  private final Map<Recipient, Recipient.State> states = new HashMap<>();
  private final Map<String, Recipient> byProvider = new HashMap<>();

  @Override
  public synchronized void create(Campaign campaign, List<String> phones) {
    campaigns.put(campaign.id(), campaign);
    List<Recipient> list = new ArrayList<>();
    for (int i = 0; i < phones.size(); i++) {
      Recipient r = new Recipient(campaign.id(), i, phones.get(i));
      list.add(r);
      states.put(r, Recipient.State.PENDING);
    }
    recipients.put(campaign.id(), list);
  }

  @Override
  public synchronized Optional<Campaign> find(String id) {
    return Optional.ofNullable(campaigns.get(id));
  }

  @Override
  public synchronized List<Campaign> list(int limit) {
    return campaigns.values().stream().sorted(Comparator.comparing(Campaign::createdAt).reversed()).limit(limit).toList();
  }

  @Override
  public synchronized List<Campaign> due(Instant now) {
    return campaigns.values().stream().filter(c -> c.state() != Campaign.State.DONE && !c.sendAt().isAfter(now)).toList();
  }

  @Override
  public synchronized List<Recipient> claim(String campaign, int limit) {
    List<Recipient> claimed = recipients.get(campaign).stream()
        .filter(r -> states.get(r) == Recipient.State.PENDING).limit(limit).toList();
    claimed.forEach(r -> states.put(r, Recipient.State.SENDING));
    state(campaign, Campaign.State.SENDING);
    return claimed;
  }

  @Override
  public synchronized void settle(Recipient recipient, Recipient.State state, String providerId) {
    if (states.get(recipient) == Recipient.State.SENDING) {
      states.put(recipient, state);
      if (providerId != null) {
        byProvider.put(providerId, recipient);
      }
    }
  }

  @Override
  public synchronized boolean delivery(String providerId, Recipient.State state) {
    Recipient r = byProvider.get(providerId);
    if (r == null || (states.get(r) != Recipient.State.SENT && states.get(r) != Recipient.State.DELIVERED)) {
      return false;
    }
    states.put(r, state);
    return true;
  }

  @Override
  public synchronized int recover() {
    int n = 0;
    for (Map.Entry<Recipient, Recipient.State> e : states.entrySet()) {
      if (e.getValue() == Recipient.State.SENDING) {
        e.setValue(Recipient.State.FAILED);
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized void finishIfDone(String campaign) {
    if (recipients.get(campaign).stream().noneMatch(r -> states.get(r) == Recipient.State.PENDING
        || states.get(r) == Recipient.State.SENDING)) {
      state(campaign, Campaign.State.DONE);
    }
  }

  @Override
  public synchronized CampaignReport report(String campaign) {
    List<Recipient> list = recipients.getOrDefault(campaign, List.of());
    Map<Recipient.State, Integer> n = new HashMap<>();
    list.forEach(r -> n.merge(states.get(r), 1, Integer::sum));
    return new CampaignReport(list.size(), n.getOrDefault(Recipient.State.PENDING, 0)
        + n.getOrDefault(Recipient.State.SENDING, 0),
        n.getOrDefault(Recipient.State.SENT, 0), n.getOrDefault(Recipient.State.DELIVERED, 0),
        n.getOrDefault(Recipient.State.FAILED, 0),
        n.getOrDefault(Recipient.State.SKIPPED, 0));
  }

  private void state(String id, Campaign.State state) {
    Campaign c = campaigns.get(id);
    campaigns.put(id, new Campaign(c.id(), c.name(), c.text(), c.audience(), c.sendAt(), c.perSecond(), state,
        c.createdBy(), c.createdAt()));
  }
}
