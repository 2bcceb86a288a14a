package org.onenumber.core.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;

/**
 * A logged-in agent as the engine sees them: presence, load, the pending offer, held contacts.
 *
 * @param offer the contact offered to the agent now, or null
 * @param offerExpiresAt when that offer rings out, or null
 * @param held contacts connected to the agent or in wrap-up
 * @param notResponding the agent missed or declined an offer and gets none until they choose
 *     AVAILABLE (or a break) again; true even while {@code state} shows their load (BUSY, WRAP_UP)
 * @param wrapUpEndsAt for each held contact in wrap-up, when its wrap-up ends and it closes
 */
public record AgentStatus(AgentId agent, AgentState state, String breakReason, Set<QueueId> queues,
    int exclusiveInUse, int messagingInUse, int maxMessaging, Instant idleSince, int contactsToday,
    Contact offer, Instant offerExpiresAt, List<Contact> held, boolean notResponding,
    Map<ContactId, Instant> wrapUpEndsAt) {}
