package org.onenumber.server.channels;

import java.util.Map;
import org.onenumber.server.TestDatabases;

/** {@link WebhookGroupCommitIT} on PostgreSQL (a fresh database). */
class WebhookGroupCommitPostgresIT extends WebhookGroupCommitIT {

  @Override
  Map<String, Object> properties() {
    return new java.util.HashMap<>(TestDatabases.postgresProperties("webhook_group_commit"));
  }
}
