package org.onenumber.server.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.intake.IdentityLinking;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.server.analytics.ContactCategories;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcCitizenRegistry;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcDirectory;

/** Builds the core's use cases from the adapters. The only place they meet. */
@Factory
final class CoreFactory {

  /**
   * Primary: Micronaut registers its own clocks; the core gets this one (the wall clock, or in the
   * simulation environment the trace clock, see {@link ServerTime}).
   */
  @Singleton
  @Primary
  InstantSource clock(ServerTime time) {
    return time.clock();
  }

  @Singleton
  @Primary
  RandomGenerator random() {
    return new SecureRandom();
  }

  @Singleton
  OpenContact openContact(Jdbc jdbc, JdbcCitizenRegistry citizens, JdbcContactJournal journal,
      JdbcDirectory directory, VertxEventPublisher events, InstantSource clock, RandomGenerator random,
      ContactCategories categories) {
    return new ContactIntake(jdbc, citizens, journal, directory, events, clock, random, categories);
  }

  @Singleton
  IdentityLinking identityLinking(Jdbc jdbc, JdbcCitizenRegistry citizens) {
    return new IdentityLinking(citizens, jdbc);
  }
}
