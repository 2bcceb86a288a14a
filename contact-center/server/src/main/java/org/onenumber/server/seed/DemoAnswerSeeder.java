package org.onenumber.server.seed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerImport;
import org.onenumber.server.persistence.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo city's published answers ({@code seed/answers.yml}, Korean and English) through
 * the ordinary import use case when the answer database is empty, so the console's knowledge
 * panel finds something on the first run. Disabled with {@code onenumber.seed.enabled=false}.
 */
@Singleton
@Requires(property = "onenumber.seed.enabled", notEquals = "false")
public final class DemoAnswerSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(DemoAnswerSeeder.class);

  private final Jdbc jdbc;
  private final AnswerImport importer;

  public DemoAnswerSeeder(Jdbc jdbc, AnswerImport importer) {
    this.jdbc = jdbc;
    this.importer = importer;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (jdbc.queryOne("select count(*) from answer", row -> row.getLong(1)).orElse(0L) > 0) {
      return;
    }
    List<AnswerContent> answers = SeedFiles.answers();
    var report = importer.importAnswers(answers.iterator(), answers.size(), "seed", progress -> { });
    LOG.info("Seeded {} demo answers", report.accepted());
  }
}
