package org.onenumber.server.telephony;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onenumber.telephony.asterisk.AmiStatus;
import org.onenumber.telephony.asterisk.AsteriskAmi;
import org.reactivestreams.Publisher;

/**
 * {@code /health} entry {@code telephony}: DOWN while AMI is configured but not logged in (Asterisk
 * down at start, lost mid-day, refused login), UP when logged in or when AMI is not configured.
 * Details: the state, why, since when, how many logins, the last reconcile (never the secret).
 */
@Singleton
final class TelephonyHealthIndicator implements HealthIndicator {

  private final AsteriskAmi ami;

  TelephonyHealthIndicator(AsteriskAmi ami) {
    this.ami = ami;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    AmiStatus s = ami.status();
    HealthStatus status = switch (s.state()) {
      case UP, DISABLED -> HealthStatus.UP;
      case CONNECTING, DOWN -> HealthStatus.DOWN;
    };
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("ami", s.state().name().toLowerCase(java.util.Locale.ROOT));
    details.put("detail", s.detail());
    details.put("since", s.since().toString());
    details.put("logins", s.connects());
    details.put("lastReconcile", ami.lastReconcile());
    return Publishers.just(HealthResult.builder("telephony", status).details(details).build());
  }
}
