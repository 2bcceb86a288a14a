package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.campaign.Audience;
import org.onenumber.core.campaign.Campaign;
import org.onenumber.core.campaign.CampaignReport;
import org.onenumber.core.campaign.Recipient;
import org.onenumber.core.port.out.CampaignStore;

/**
 * {@link CampaignStore} over {@code campaign} and {@code campaign_recipient} (V151). A claim is
 * one transaction: select the next PENDING rows, then move each with {@code where state =
 * 'PENDING'}, so only rows this caller moved are returned. Thread-safe (stateless over {@link Jdbc}).
 */
@Singleton
public final class JdbcCampaignStore implements CampaignStore {

  private final Jdbc jdbc;

  JdbcCampaignStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void create(Campaign c, List<String> phones) {
    jdbc.inTransaction(() -> {
      jdbc.update("insert into campaign (id, name, body, audience_kind, audience_value, send_at, per_second, state,"
          + " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.name(), c.text(),
          c.audience().kind(), c.audience().value(), c.sendAt(), c.perSecond(), c.state().name(), c.createdBy(),
          c.createdAt());
      for (int i = 0; i < phones.size(); i++) {
        jdbc.update("insert into campaign_recipient (campaign_id, seq, phone, state) values (?, ?, ?, 'PENDING')",
            c.id(), i, phones.get(i));
      }
      return null;
    });
  }

  @Override
  public Optional<Campaign> find(String id) {
    return jdbc.queryOne("select * from campaign where id = ?", JdbcCampaignStore::row, id);
  }

  @Override
  public List<Campaign> list(int limit) {
    return jdbc.query("select * from campaign order by created_at desc limit ?", JdbcCampaignStore::row, limit);
  }

  @Override
  public List<Campaign> due(Instant now) {
    return jdbc.query("select * from campaign where state <> 'DONE' and send_at <= ? order by send_at",
        JdbcCampaignStore::row, now);
  }

  @Override
  public List<Recipient> claim(String campaign, int limit) {
    return jdbc.inTransaction(() -> {
      List<Recipient> next = jdbc.query("select seq, phone from campaign_recipient where campaign_id = ?"
          + " and state = 'PENDING' order by seq limit ?", r -> new Recipient(campaign, r.getInt(1), r.getString(2)),
          campaign, limit);
      jdbc.update("update campaign set state = 'SENDING' where id = ? and state = 'SCHEDULED'", campaign);
      return next.stream().filter(r -> jdbc.update("update campaign_recipient set state = 'SENDING'"
          + " where campaign_id = ? and seq = ? and state = 'PENDING'", campaign, r.seq()) == 1).toList();
    });
  }

  @Override
  public void settle(Recipient r, Recipient.State state, String providerId) {
    jdbc.update("update campaign_recipient set state = ?, provider_id = ? where campaign_id = ? and seq = ?"
        + " and state = 'SENDING'", state.name(), providerId, r.campaign(), r.seq());
  }

  @Override
  public boolean delivery(String providerId, Recipient.State state) {
    return jdbc.update("update campaign_recipient set state = ? where provider_id = ? and state in ('SENT', 'DELIVERED')",
        state.name(), providerId) == 1;
  }

  @Override
  public int recover() {
    return jdbc.update("update campaign_recipient set state = 'FAILED' where state = 'SENDING'");
  }

  @Override
  public void finishIfDone(String campaign) {
    jdbc.update("update campaign set state = 'DONE' where id = ? and not exists (select 1 from campaign_recipient"
        + " where campaign_id = ? and state in ('PENDING', 'SENDING'))", campaign, campaign);
  }

  @Override
  public CampaignReport report(String campaign) {
    Map<String, Integer> n = new HashMap<>();
    jdbc.query("select state, count(*) from campaign_recipient where campaign_id = ? group by state",
        r -> n.put(r.getString(1), r.getInt(2)), campaign);
    return new CampaignReport(n.values().stream().mapToInt(Integer::intValue).sum(),
        n.getOrDefault("PENDING", 0) + n.getOrDefault("SENDING", 0), n.getOrDefault("SENT", 0),
        n.getOrDefault("DELIVERED", 0), n.getOrDefault("FAILED", 0), n.getOrDefault("SKIPPED", 0));
  }

  private static Campaign row(ResultSet r) throws SQLException {
    return new Campaign(r.getString("id"), r.getString("name"), r.getString("body"),
        Audience.of(r.getString("audience_kind"), r.getString("audience_value")), Jdbc.instant(r, "send_at"),
        r.getInt("per_second"), Campaign.State.valueOf(r.getString("state")), r.getString("created_by"),
        Jdbc.instant(r, "created_at"));
  }
}
