package org.onenumber.server.seed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.List;
import org.onenumber.core.agent.Agent;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.security.Accounts;
import org.onenumber.server.security.Role;
import org.onenumber.server.telephony.JdbcAgentDevices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo city on startup when the database has no departments yet, in one transaction:
 * all of it or none. Every demo account gets the configured demo password (hashed once).
 * Demo operators get the softphone endpoint {@code PJSIP/<id>} as their device. Disabled with
 * {@code onenumber.seed.enabled=false}. {@code onenumber.seed.profile=city} seeds the same city
 * with {@code onenumber.seed.city-operators} operators (default {@value CityOperators#CITY_OPERATORS},
 * at most {@value CityOperators#MAX_OPERATORS}; {@link CityOperators}) instead of 40.
 */
@Singleton
@Requires(property = "onenumber.seed.enabled", notEquals = "false")
public final class DemoCitySeeder {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCitySeeder.class);

  private final Jdbc jdbc;
  private final JdbcDirectory directory;
  private final Accounts accounts;
  private final String demoPassword;
  private final JdbcAgentDevices devices;
  private final String profile;
  private final ApplicationEventPublisher<DirectorySeeded> seeded;
  private final int cityOperators;

  public DemoCitySeeder(Jdbc jdbc, JdbcDirectory directory, Accounts accounts,
      @Value("${onenumber.seed.demo-password:demo1234}") String demoPassword, JdbcAgentDevices devices,
      @Value("${onenumber.seed.profile:demo}") String profile, ApplicationEventPublisher<DirectorySeeded> seeded,
      @Value("${onenumber.seed.city-operators:540}") int cityOperators) {
    if (!"demo".equals(profile) && !"city".equals(profile)) {
      throw new ConfigurationException("onenumber.seed.profile must be demo or city");
    }
    if (cityOperators < SeedFiles.agents().size() || cityOperators > CityOperators.MAX_OPERATORS) {
      throw new ConfigurationException("onenumber.seed.city-operators must be " + SeedFiles.agents().size() + ".."
          + CityOperators.MAX_OPERATORS);
    }
    this.cityOperators = cityOperators;
    this.profile = profile;
    this.seeded = seeded;
    this.devices = devices;
    this.jdbc = jdbc;
    this.directory = directory;
    this.accounts = accounts;
    this.demoPassword = demoPassword;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    seedIfEmpty();
  }

  /** Seeds and returns true when the directory was empty; returns false otherwise. */
  public boolean seedIfEmpty() {
    if (!directory.departments().isEmpty()) {
      return false;
    }
    String hash = accounts.hash(demoPassword);
    jdbc.inTransaction(() -> {
      SeedFiles.departments().forEach(d -> directory.save(d.department(), d.categories()));
      SeedFiles.queues().forEach(directory::save);
      List<Agent> operators = "city".equals(profile)
          ? CityOperators.expand(SeedFiles.agents(), cityOperators) : SeedFiles.agents();
      for (Agent agent : operators) {
        directory.save(agent);
        devices.assign(agent.id(), "PJSIP/" + agent.id().value());
        accounts.create(agent.id().value(), agent.name(), Role.OPERATOR, null, agent.id().value(), hash);
      }
      SeedFiles.accounts().forEach(a -> accounts.create(a.login(), a.name(), Role.valueOf(a.role()), a.department(),
          null, hash));
      return null;
    });
    directory.invalidate();
    LOG.info("Seeded the {} city: {} departments, {} queues, {} operators", profile,
        directory.departments().size(), directory.queues().size(), directory.agents().size());
    seeded.publishEvent(new DirectorySeeded());
    return true;
  }
}
