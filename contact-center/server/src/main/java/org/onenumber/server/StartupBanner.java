package org.onenumber.server;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prints the URLs the server serves once it listens, so a newcomer knows where to go. */
@Singleton
final class StartupBanner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  private final String dataDir;

  StartupBanner(@Value("${onenumber.data-dir}") String dataDir) {
    this.dataDir = dataDir;
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    String base = event.getSource().getURL().toString().replaceAll("/$", "");
    LOG.info("""
        OneNumber is up (data in {})
          API       {}/api/v1/departments, /api/v1/queues, /api/v1/agents, POST /api/v1/contacts
          OpenAPI   {}/openapi.yml
          Health    {}/health
          Metrics   {}/prometheus
          Login     POST {}/login""", dataDir, base, base, base, base, base);
  }
}
