package org.onenumber.server.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a commit mean "on disk" before anything is acknowledged, whatever URL the datasource was
 * given: every pooled connection runs one statement when it opens.
 *
 * <ol>
 *   <li><b>H2</b>: {@code SET WRITE_DELAY 0}. H2 2.x (MVStore) otherwise commits in memory and
 *       writes its store up to 500 ms later in the background, so a {@code kill -9} loses the last
 *       half second of acknowledged work. With 0 every transaction commit writes its chunk to the
 *       file before returning (the store's auto-commit delay becomes 0). The write reaches the
 *       operating system, not the platter: it survives the death of the process, not of the
 *       machine (MVStore has no fsync-per-commit setting).
 *   <li><b>PostgreSQL</b>: {@code SET synchronous_commit TO on}, so that a server or role default of
 *       {@code off} cannot turn acknowledgements into promises: a commit returns after its WAL record
 *       is flushed.
 *   <li>A URL that already says {@code WRITE_DELAY=} (H2), or a configured init statement, is the
 *       operator's explicit choice and is kept, with a warning.
 * </ol>
 */
@Singleton
final class DurableCommits implements BeanCreatedEventListener<DatasourceConfiguration> {

  static final String H2 = "SET WRITE_DELAY 0";
  static final String POSTGRES = "SET synchronous_commit TO on";
  private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration config = event.getBean();
    String url = config.getUrl();
    String statement = statementFor(url);
    if (statement == null) {
      return config;
    }
    if (config.getConnectionInitSql() != null || url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY=")) {
      LOG.warn("datasource {} keeps its configured commit setting; acknowledgements may not be durable", config.getName());
      return config;
    }
    config.setConnectionInitSql(statement);
    return config;
  }

  /** The statement that makes commits durable on this database, or null for one we do not know. */
  static String statementFor(String url) {
    if (url == null) {
      return null;
    }
    if (url.startsWith("jdbc:h2:")) {
      return url.startsWith("jdbc:h2:mem:") ? null : H2;
    }
    return url.startsWith("jdbc:postgresql:") ? POSTGRES : null;
  }
}
