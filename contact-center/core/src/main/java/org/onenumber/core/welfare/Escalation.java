package org.onenumber.core.welfare;

import java.time.Instant;
import org.onenumber.core.contact.ContactId;

/**
 * An escalation decided when an attempt ended, kept durable until its case is opened and its texts
 * sent. {@code contact} is the attempt's contact, which the case links to.
 */
public record Escalation(AttemptId attempt, SeniorId senior, EscalationLadder.Reason reason, ContactId contact,
    Instant decidedAt) {}
