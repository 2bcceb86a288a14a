package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.RunsAlone;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * Routing never starves (issue 17): with every connection of the shared pool held (intake's
 * requests at a city's day shift), an arrival is still read and queued and an operator's login is
 * offered the oldest contact and written, within 3 s (the shared pool's timeout is 1 s), on routing's own connections, and no
 * rebuild happens. When routing's own connections are held too (and the shared ones, where an
 * arrival is first read ahead of its turn), the arrival's read fails; it is read again once they
 * are back (counted), still without a rebuild. Fails on the old shared pool:
 * the read waits out the connection timeout and routing distrusts the engine and rebuilds.
 *
 * <p>A burst of 300 arrivals while intake holds the shared pool is routed without a single thread
 * waiting for the shared pool: arrivals are read ahead only a few at a time, on routing's own
 * connections, the rest by the routing context in batches ({@link ArrivalReads}). Fails on the
 * read-ahead of session 11 (a virtual thread per arrival on the shared pool: 300 waiting).
 */
@RunsAlone
class RoutingStarvationH2IT {

  private static final QueueId QUEUE = new QueueId("general-ko");
  private final TestHttp http = new TestHttp();

  @Test
  void routesOnItsOwnConnectionsWhileIntakeHoldsTheSharedPool() throws Exception {
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "datasources.default.connection-timeout", 1000);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      ApplicationContext context = server.getApplicationContext();
      RoutingHost routing = context.getBean(RoutingHost.class);
      JdbcContactJournal journal = context.getBean(JdbcContactJournal.class);
      VertxEventPublisher events = context.getBean(VertxEventPublisher.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      Agent operator = context.getBean(JdbcDirectory.class).agent(new AgentId("op-001")).orElseThrow();
      Contact oldest = journal.find(new ContactId(open(server))).orElseThrow();
      Contact arriving = journaledBeside(journal, oldest, "starved-1");
      Contact retried = journaledBeside(journal, oldest, "starved-2");
      double rebuilds = meters.counter("onenumber.routing.rebuilds").count();

      List<Connection> held = holdAll(context.getBean(DataSource.class));
      try {
        long start = System.nanoTime();
        events.publish(queued(arriving));
        Decisions login = routing.handle(new RoutingCommand.LogIn(operator, Set.of(QUEUE), null));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "routing answered in " + millis + " ms with the shared pool held");
        assertTrue(offered(login, oldest.id()), login.events().toString());
        await().atMost(Duration.ofSeconds(1)).until(() ->
            routing.call(e -> e.contact(arriving.id()).map(Contact::state).orElse(null)) == ContactState.QUEUED);
      } finally {
        release(held);
      }
      assertEquals(ContactState.OFFERED, journal.find(oldest.id()).orElseThrow().state(), "the offer is journaled");

      double retries = meters.counter("onenumber.routing.arrival.retries").count();
      List<Connection> routingsOwn = holdAll(context.getBean(RoutingConnections.class).pool());
      List<Connection> shared = holdAll(context.getBean(DataSource.class));
      try {
        events.publish(queued(retried));
        await().atMost(Duration.ofSeconds(5)).until(() ->
            meters.counter("onenumber.routing.arrival.retries").count() > retries);
      } finally {
        release(shared);
        release(routingsOwn);
      }
      await().atMost(Duration.ofSeconds(5)).until(() ->
          routing.call(e -> e.contact(retried.id()).isPresent()));
      assertEquals(rebuilds, meters.counter("onenumber.routing.rebuilds").count(), "no rebuild from the journal");

      aBurstOfArrivalsNeverWaitsForTheSharedPool(context, oldest);
      assertEquals(rebuilds, meters.counter("onenumber.routing.rebuilds").count(), "no rebuild from the journal");
    }
  }

  private static void aBurstOfArrivalsNeverWaitsForTheSharedPool(ApplicationContext context, Contact like) throws Exception {
    RoutingHost routing = context.getBean(RoutingHost.class);
    JdbcContactJournal journal = context.getBean(JdbcContactJournal.class);
    VertxEventPublisher events = context.getBean(VertxEventPublisher.class);
    List<Contact> burst = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      burst.add(journaledBeside(journal, like, "burst-" + i));
    }
    DataSource sharedPool = context.getBean(DataSource.class);
    HikariPoolMXBean shared = sharedPool.unwrap(HikariDataSource.class).getHikariPoolMXBean();
    List<Connection> held = holdAll(sharedPool);
    int mostWaiting = 0;
    try {
      burst.forEach(contact -> events.publish(queued(contact)));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      boolean routed = false;
      while (!routed && System.nanoTime() < deadline) {
        mostWaiting = Math.max(mostWaiting, shared.getThreadsAwaitingConnection());
        routed = routing.call(e -> burst.stream().allMatch(c -> e.contact(c.id()).isPresent()));
        Thread.sleep(5);
      }
      assertTrue(routed, "every arrival of the burst reached routing");
    } finally {
      release(held);
    }
    assertTrue(mostWaiting < 10, mostWaiting + " threads waited for the shared pool while routing read 300 arrivals");
  }

  private String open(EmbeddedServer server) throws Exception {
    HttpResponse<String> created = http.send(server, "POST", "/api/v1/contacts",
        "{\"channel\":\"VOICE\",\"phone\":\"010-5555-0301\",\"language\":\"ko\",\"queue\":\"general-ko\"}",
        http.login(server, "sv-01"));
    assertEquals(201, created.statusCode(), created.body());
    return (String) http.map(server, created).get("id");
  }

  /** A queued contact written to the journal as intake would, not yet handed to routing. */
  private static Contact journaledBeside(JdbcContactJournal journal, Contact like, String id) {
    Instant now = Instant.now();
    Contact contact = Contact.create(new ContactId(id), like.channel(), like.citizen(), like.language(), Set.of(),
        0, like.topic(), now).moveTo(new ContactStep(ContactState.QUEUED, now, null, QUEUE, null));
    journal.append(contact, List.of());
    return contact;
  }

  private static ContactStateChanged queued(Contact contact) {
    return new ContactStateChanged(contact.id(), contact.channel(), contact.language(), ContactState.CREATED,
        ContactState.QUEUED, QUEUE, null, null, contact.updatedAt());
  }

  private static boolean offered(Decisions decisions, ContactId contact) {
    return decisions.events().stream().anyMatch(e -> e instanceof ContactStateChanged c
        && c.contact().equals(contact) && c.to() == ContactState.OFFERED);
  }

  /** Takes every connection of a Hikari pool, as intake's requests do at the day shift. */
  private static List<Connection> holdAll(DataSource pool) throws Exception {
    int size = pool.unwrap(HikariDataSource.class).getMaximumPoolSize();
    List<Connection> held = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      held.add(pool.getConnection());
    }
    return held;
  }

  private static void release(List<Connection> held) throws Exception {
    for (Connection connection : held) {
      connection.close();
    }
  }
}
