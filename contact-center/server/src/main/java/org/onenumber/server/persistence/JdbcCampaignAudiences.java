package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.onenumber.core.campaign.Audience;
import org.onenumber.core.port.out.CampaignAudiences;

/**
 * {@link CampaignAudiences} in SQL. Seniors of a district: enrolled today (in {@code
 * onenumber.zone}), consented to texts, their first phone. Open cases in a category: the phones of
 * citizens with a case of that category not yet resolved, rejected, merged or closed. Each phone
 * once, sorted. Thread-safe.
 */
@Singleton
public final class JdbcCampaignAudiences implements CampaignAudiences {

  private final Jdbc jdbc;
  private final InstantSource clock;
  private final ZoneId zone;

  JdbcCampaignAudiences(Jdbc jdbc, InstantSource clock,
      @io.micronaut.context.annotation.Value("${onenumber.zone:Asia/Seoul}") String zone) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  @Override
  public List<String> phones(Audience audience) {
    return switch (audience) {
      case Audience.SeniorsOfDistrict d -> {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        yield jdbc.query("select min(p.phone) as phone from welfare_senior s join welfare_senior_phone p"
            + " on p.senior_id = s.id where s.district = ? and s.consent_sms and s.enrolled_on <= ?"
            + " and (s.ends_on is null or s.ends_on >= ?) group by s.id order by phone",
            r -> r.getString("phone"), d.value(), today, today);
      }
      case Audience.OpenCasesInCategory c -> jdbc.query("select distinct i.identity from case_file f"
          + " join citizen_identity i on i.citizen_id = f.citizen_id and i.kind = 'phone'"
          + " where f.category = ? and f.status not in ('RESOLVED', 'REJECTED', 'MERGED', 'CLOSED')"
          + " order by i.identity", r -> r.getString(1), c.value());
    };
  }
}
