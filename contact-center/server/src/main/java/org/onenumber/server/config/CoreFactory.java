package org.onenumber.server.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.intake.IdentityLinking;
import org.onenumber.core.port.in.ServeSelf;
import org.onenumber.core.selfservice.SelfService;
import org.onenumber.core.selfservice.SelfServiceTopics;
import org.onenumber.server.analytics.ContactCategories;
import org.onenumber.server.analytics.TopicClassifierThread;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcAnswerStore;
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

  /**
   * {@code onenumber.intake.classify-after-commit} (default true): a new contact's topic is
   * classified on {@link TopicClassifierThread} after its intake committed, not inside the commit
   * (false: inside, the category journaled with the contact, as before session 14).
   */
  @Singleton
  ContactIntake openContact(Jdbc jdbc, JdbcCitizenRegistry citizens, JdbcContactJournal journal,
      JdbcDirectory directory, VertxEventPublisher events, InstantSource clock, RandomGenerator random,
      ContactCategories categories, TopicClassifierThread classifier,
      @Value("${onenumber.intake.classify-after-commit:true}") boolean afterCommit) {
    return new ContactIntake(jdbc, citizens, journal, directory, events, clock, random, categories,
        afterCommit ? classifier : null);
  }

  @Singleton
  @Bean(preDestroy = "close")
  TopicClassifierThread topicClassifier(MeterRegistry registry) {
    return new TopicClassifierThread(registry);
  }

  /**
   * The IVR's self-service topics on both carriers: {@code onenumber.telephony.self-service.topics},
   * one line, topics separated by {@code ;}, each {@code <digit 1-8> <key> <lang>=<answer external id>…}
   * (see {@link SelfServiceTopics}); blank: no topic menu. A line that cannot be read stops the start.
   */
  @Singleton
  ServeSelf serveSelf(ContactIntake intake, JdbcAnswerStore answers, InstantSource clock,
      @Value("${onenumber.telephony.self-service.topics:}") String topics) {
    return new SelfService(SelfServiceTopics.parse(topics), answers, intake, clock);
  }

  @Singleton
  IdentityLinking identityLinking(Jdbc jdbc, JdbcCitizenRegistry citizens) {
    return new IdentityLinking(citizens, jdbc);
  }
}
