package org.onenumber.server.open311;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.onenumber.server.persistence.Jdbc;

/**
 * The group commit of Open311 filings ({@code POST requests} and {@code /report/}): concurrent
 * filings share one transaction and one WAL flush, each behind its own savepoint, and each caller
 * answers only after that commit ({@link org.onenumber.server.persistence.GroupCommit}, as inbound
 * webhooks do), in {@link FilingLanes}.
 */
@Factory
final class Open311Commits {

  /**
   * {@code onenumber.open311.group-commit.lanes}: how many committers take filings in turn;
   * {@code onenumber.open311.group-commit.max-batch}: the most filings one transaction holds.
   */
  @Singleton
  @Bean(preDestroy = "close")
  FilingLanes filings(Jdbc jdbc, @Value("${onenumber.open311.group-commit.lanes:4}") int lanes,
      @Value("${onenumber.open311.group-commit.max-batch:64}") int maxBatch) {
    return new FilingLanes(jdbc, lanes, maxBatch);
  }
}
