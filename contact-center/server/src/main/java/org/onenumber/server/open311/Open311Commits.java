package org.onenumber.server.open311;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.onenumber.server.persistence.GroupCommit;
import org.onenumber.server.persistence.Jdbc;

/**
 * The group commit of Open311 filings ({@code POST requests} and {@code /report/}): concurrent
 * filings share one transaction and one WAL flush, each behind its own savepoint, and each caller
 * answers only after that commit ({@link GroupCommit}, as inbound webhooks do).
 */
@Factory
final class Open311Commits {

  /** The name of the filings' {@link GroupCommit}. */
  static final String FILINGS = "open311-filings";

  /** {@code onenumber.open311.group-commit.max-batch}: the most filings one transaction holds. */
  @Singleton
  @Named(FILINGS)
  @Bean(preDestroy = "close")
  GroupCommit filings(Jdbc jdbc, @Value("${onenumber.open311.group-commit.max-batch:64}") int maxBatch) {
    return new GroupCommit(jdbc, FILINGS, maxBatch);
  }
}
