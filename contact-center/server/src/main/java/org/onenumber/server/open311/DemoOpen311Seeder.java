package org.onenumber.server.open311;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.onenumber.channels.open311.GeoReportService;
import org.onenumber.channels.open311.StandardAttributes;
import org.onenumber.core.directory.Department;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.security.RateLimits;
import org.onenumber.server.security.keys.ApiKeyScope;
import org.onenumber.server.security.keys.ApiKeys;
import org.onenumber.server.seed.DemoCitySeeder;

/**
 * The demo city's Open311 catalogue and client, after the demo city itself: each category of each
 * department becomes a service {@code <department>-<nn>} (01 for its first category) named by the
 * category and grouped by the department's English name; one client application, {@code demo},
 * gets the api_key {@value #DEMO_KEY} (an API key with the {@code open311:write} scope, kept
 * hashed, limited to {@code onenumber.rate-limits.open311-per-minute}). Runs once, when the catalogue is empty; off
 * with {@code onenumber.seed.enabled=false}, like the rest of the demo.
 */
@Singleton
@Requires(property = "onenumber.seed.enabled", notEquals = "false")
final class DemoOpen311Seeder {

  /** The demo client's api_key; it exists only in the demo seed. */
  static final String DEMO_KEY = "demo-open311-key";

  private final DemoCitySeeder city;
  private final JdbcDirectory directory;
  private final JdbcOpen311Store store;
  private final Jdbc jdbc;
  private final ApiKeys keys;
  private final RateLimits limits;

  DemoOpen311Seeder(DemoCitySeeder city, JdbcDirectory directory, JdbcOpen311Store store, Jdbc jdbc, ApiKeys keys,
      RateLimits limits) {
    this.city = city;
    this.directory = directory;
    this.store = store;
    this.jdbc = jdbc;
    this.keys = keys;
    this.limits = limits;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    city.seedIfEmpty();
    if (!store.services().isEmpty()) {
      return;
    }
    jdbc.inTransaction(() -> {
      int position = 0;
      for (Department d : directory.departments()) {
        List<String> categories = directory.categories(d.id());
        for (int i = 0; i < categories.size(); i++) {
          String category = categories.get(i);
          store.saveService(new GeoReportService(String.format("%s-%02d", d.id().value(), i + 1), category,
              category + " — " + d.nameEn(), category + ", " + d.nameKo(), d.nameEn(), d.id(), category,
              StandardAttributes.all()), position++);
        }
      }
      keys.ensure("demo", "Demo client application", DEMO_KEY, Set.of(ApiKeyScope.OPEN311_WRITE),
          (int) Math.min(Integer.MAX_VALUE, limits.perMinute(RateLimits.Rule.OPEN311)), "demo seed");
      return null;
    });
  }
}
