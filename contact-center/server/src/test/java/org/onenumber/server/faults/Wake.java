package org.onenumber.server.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a frozen owner does when it wakes (issue 11, session 16), seen from outside every 20 ms for
 * {@value #WATCH_SECONDS} s: how long its anonymous readiness for the partition it owned still answers
 * 200 ({@code woken_ready_s}: it believes it routes until its next heartbeat finds the lease taken);
 * polls in which both it and a survivor said 200 ({@code both_ready_polls}); whether HAProxy sent
 * webhooks to it again ({@code lb_arrivals_to_woken}: its {@code arrivals} server UP) and when it took
 * it back into the {@code nodes} backend ({@code lb_back_s}, NaN: never, a node routing nothing is a
 * standby, 503); and how often its log says it lost a lease ({@code woken_lease_lost_logged}). Not
 * thread-safe.
 */
final class Wake {

  static final int WATCH_SECONDS = 12;

  private final LbFaultRun.Watch watch;
  private final ServerProcess victim;
  double frozenSeconds;
  double standDownSeconds = Double.NaN;
  int lastReadiness;
  int firstReadiness = -1;
  int bothReady;
  boolean arrivalsToWoken;
  double backSeconds = Double.NaN;
  long leaseLostLogged;

  Wake(LbFaultRun.Watch watch, ServerProcess victim) {
    this.watch = watch;
    this.victim = victim;
  }

  /** Polls from {@code woken} (a {@link System#nanoTime}) for {@value #WATCH_SECONDS} s. */
  Wake run(long woken, double frozenSeconds) throws InterruptedException, IOException {
    this.frozenSeconds = frozenSeconds;
    long end = woken + Duration.ofSeconds(WATCH_SECONDS).toNanos();
    String partition = watch.partition();
    String name = watch.victim();
    while (System.nanoTime() < end) {
      int mine = PartitionViews.readiness(watch.http(), victim.uri(), partition);
      double now = (System.nanoTime() - woken) / 1e9;
      firstReadiness = firstReadiness < 0 ? mine : firstReadiness;
      lastReadiness = mine;
      if (mine == 200) {
        standDownSeconds = Double.NaN;
        boolean survivorReady = watch.nodes().entrySet().stream().anyMatch(n -> !n.getKey().equals(name)
            && PartitionViews.readiness(watch.http(), n.getValue().uri(), partition) == 200);
        bothReady += survivorReady ? 1 : 0;
      } else if (mine != 0 && standDownSeconds != standDownSeconds) {
        standDownSeconds = now;
      }
      Map<String, String> states = watch.haproxy().states();
      arrivalsToWoken |= "UP".equals(states.get("arrivals/" + name));
      if (backSeconds != backSeconds && "UP".equals(states.get("nodes/" + name))) {
        backSeconds = now;
      }
      Thread.sleep(20);
    }
    leaseLostLogged = victim.log().lines().filter(l -> l.contains("lost the routing lease")).count();
    return this;
  }

  Map<String, String> figures() {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("woken_first_readiness", String.valueOf(firstReadiness));
    figures.put("woken_ready_s", String.format("%.2f", standDownSeconds));
    figures.put("both_ready_polls", String.valueOf(bothReady));
    figures.put("lb_arrivals_to_woken", String.valueOf(arrivalsToWoken));
    figures.put("lb_back_s", String.format("%.2f", backSeconds));
    figures.put("woken_lease_lost_logged", String.valueOf(leaseLostLogged));
    return figures;
  }
}
