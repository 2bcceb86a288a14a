package org.onenumber.server.channels;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.EventPublisher;

/**
 * Test-only stand-ins for the routing API (API-CONTRACT.md: agent login/state/work, offer
 * accept/decline, wrap-up, close) and the knowledge API ({@code /api/v1/answers/search},
 * {@code suggest}), loaded only with {@code onenumber.test.contract-fakes=true}. They let the
 * console's story run before the routing and knowledge branches are merged: every waiting chat is
 * offered to any available agent, and search always finds one water-bill answer. Delete this class
 * and {@link ConsoleOnContractFakesIT} after the merge; {@link BrowserStoryIT} covers the real thing.
 */
@Controller("/api/v1")
@Requires(property = "onenumber.test.contract-fakes", value = "true")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ContractFakes {

  private final Map<String, String> states = new ConcurrentHashMap<>();
  private final ContactJournal journal;
  private final EventPublisher events;

  ContractFakes(ContactJournal journal, EventPublisher events) {
    this.journal = journal;
    this.events = events;
  }

  private Map<String, Object> agent(String id) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("agentId", id);
    view.put("state", states.getOrDefault(id, "OFFLINE"));
    view.put("maxMessaging", 3);
    view.put("messagingInUse", held(id).size());
    return view;
  }

  private List<Contact> held(String agent) {
    return journal.open().stream().filter(c -> c.agent() != null && c.agent().value().equals(agent)).toList();
  }

  @Post("/agents/{id}/login")
  Map<String, Object> login(@PathVariable String id) {
    states.put(id, "AVAILABLE");
    return agent(id);
  }

  @Post("/agents/{id}/state")
  Map<String, Object> state(@PathVariable String id, @Body Map<String, Object> body) {
    states.put(id, String.valueOf(body.get("state")));
    return agent(id);
  }

  @Get("/agents/{id}")
  Map<String, Object> get(@PathVariable String id) {
    return agent(id);
  }

  @Get("/agents/{id}/work")
  Map<String, Object> work(@PathVariable String id) {
    List<Map<String, Object>> offers = !"AVAILABLE".equals(states.get(id)) ? List.of() : journal.open().stream()
        .filter(c -> c.channel() == Channel.CHAT && c.state() == ContactState.QUEUED)
        .map(c -> Map.<String, Object>of("offerId", c.id().value(), "contactId", c.id().value(), "agentId", id,
            "queueId", c.queue().value(), "channel", c.channel().name(), "language", c.language().code(),
            "topic", c.topic(), "expiresAt", Instant.now().plusSeconds(20).toString()))
        .toList();
    List<Map<String, Object>> contacts = held(id).stream()
        .map(c -> Map.<String, Object>of("contactId", c.id().value(), "channel", c.channel().name(),
            "language", c.language().code(), "state", c.state().name()))
        .toList();
    return Map.of("agent", agent(id), "offers", offers, "contacts", contacts);
  }

  @Post("/offers/{offerId}/accept")
  Map<String, Object> accept(@PathVariable String offerId, io.micronaut.security.authentication.Authentication who) {
    Contact c = move(offerId, ContactState.OFFERED, who.getName());
    move(c.id().value(), ContactState.CONNECTED, who.getName());
    return Map.of("contactId", offerId, "state", "CONNECTED");
  }

  @Post("/contacts/{id}/wrap-up")
  Map<String, Object> wrapUp(@PathVariable String id, io.micronaut.security.authentication.Authentication who) {
    move(id, ContactState.WRAP_UP, who.getName());
    return Map.of("contactId", id, "state", "WRAP_UP", "wrapUpEndsAt", Instant.now().plusSeconds(30).toString());
  }

  @Post("/contacts/{id}/close")
  Map<String, Object> close(@PathVariable String id, io.micronaut.security.authentication.Authentication who) {
    move(id, ContactState.CLOSED, who.getName());
    return Map.of("contactId", id, "state", "CLOSED");
  }

  private Contact move(String id, ContactState to, String agent) {
    Contact c = journal.find(new ContactId(id)).orElseThrow(() -> new NotFoundException("contact", id));
    Instant now = Instant.now().isBefore(c.updatedAt()) ? c.updatedAt() : Instant.now();
    Contact next = c.moveTo(new ContactStep(to, now, new AgentId(agent), null, null));
    ContactStateChanged event = new ContactStateChanged(next.id(), next.channel(), next.language(), c.state(), to,
        next.queue(), next.agent(), null, now);
    journal.append(next, List.of(event));
    events.publish(event);
    return next;
  }

  @Get("/answers/search{?q,lang}")
  Map<String, Object> search(@io.micronaut.core.annotation.Nullable @QueryValue String q, @io.micronaut.core.annotation.Nullable @QueryValue String lang) {
    return Map.of("total", 1, "hits", List.of(Map.of("id", "a-1", "externalId", "WATER-7", "title",
            "Paying the water bill", "snippet", "Pay your <b>water</b> <b>bill</b> online at arisu.seoul.go.kr or at any bank.",
            "department", "water", "category", "수도 요금", "score", 1.0)),
        "facets", Map.of("department", Map.of("water", 1)));
  }

  @Get("/answers/suggest{?q}")
  List<String> suggest(@io.micronaut.core.annotation.Nullable @QueryValue String q) {
    return List.of("water bill", "water leak");
  }
}
