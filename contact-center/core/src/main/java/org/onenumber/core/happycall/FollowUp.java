package org.onenumber.core.happycall;

import java.time.Instant;
import org.onenumber.core.contact.ContactId;

/** A supervisor's task: the citizen of {@code contact} scored its happy-call {@code score} (low). */
public record FollowUp(ContactId contact, int score, Instant openedAt) {}
