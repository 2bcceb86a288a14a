package org.onenumber.server.knowledge;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.onenumber.core.knowledge.AnswerChangeFollower;
import org.onenumber.core.knowledge.AnswerDesk;
import org.onenumber.core.knowledge.AnswerImport;
import org.onenumber.core.knowledge.AnswerPorts;
import org.onenumber.knowledge.LuceneAnswerIndex;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcAnswerChangeLog;
import org.onenumber.server.persistence.JdbcAnswerStore;

/**
 * Builds the answer index and the answer use cases. The index lives in {@code
 * <onenumber.data-dir>/answer-index}; with {@code onenumber.knowledge.in-memory=true} (tests with
 * an in-memory database) it is kept in memory.
 */
@Factory
final class KnowledgeFactory {

  @Singleton
  @Bean(preDestroy = "close")
  LuceneAnswerIndex answerIndex(@Value("${onenumber.data-dir}") String dataDir,
      @Value("${onenumber.knowledge.in-memory:false}") boolean inMemory) {
    return inMemory ? LuceneAnswerIndex.inMemory() : LuceneAnswerIndex.open(Path.of(dataDir, "answer-index"));
  }

  @Singleton
  AnswerPorts answerPorts(JdbcAnswerStore store, LuceneAnswerIndex index, VertxEventPublisher events, Jdbc jdbc,
      InstantSource clock, RandomGenerator random) {
    return new AnswerPorts(store, index, events, jdbc, clock, random);
  }

  @Singleton
  AnswerChangeFollower answerChangeFollower(JdbcAnswerChangeLog log, LuceneAnswerIndex index,
      @Value("${onenumber.cluster.answer-gap-wait:60s}") Duration gapWait) {
    return new AnswerChangeFollower(log, index, System::nanoTime, gapWait.toNanos());
  }

  @Singleton
  AnswerDesk answerDesk(AnswerPorts ports) {
    return new AnswerDesk(ports);
  }

  @Singleton
  AnswerImport answerImport(AnswerPorts ports) {
    return new AnswerImport(ports);
  }
}
