package org.onenumber.server.open311;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.List;
import org.onenumber.channels.open311.ApiKeyHash;
import org.onenumber.channels.open311.GeoReportService;
import org.onenumber.channels.open311.StandardAttributes;
import org.onenumber.core.directory.Department;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.seed.DemoCitySeeder;

/**
 * The demo city's Open311 catalogue and client, after the demo city itself: each category of each
 * department becomes a service {@code <department>-<nn>} (01 for its first category) named by the
 * category and grouped by the department's English name; one client application, {@code demo},
 * gets the api_key {@value #DEMO_KEY} (kept hashed). Runs once, when the catalogue is empty; off
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
  private final InstantSource clock;

  DemoOpen311Seeder(DemoCitySeeder city, JdbcDirectory directory, JdbcOpen311Store store, Jdbc jdbc,
      InstantSource clock) {
    this.city = city;
    this.directory = directory;
    this.store = store;
    this.jdbc = jdbc;
    this.clock = clock;
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
      if (store.clientByKeyHash(ApiKeyHash.of(DEMO_KEY)).isEmpty()) {
        store.saveClient("demo", "Demo client application", ApiKeyHash.of(DEMO_KEY), clock.instant());
      }
      return null;
    });
  }
}
