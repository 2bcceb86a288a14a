package org.onenumber.core.knowledge;

/**
 * One search hit.
 *
 * @param snippet a passage of the body with matched words wrapped in {@code <mark>..</mark>}
 */
public record AnswerHit(
    AnswerId id, String externalId, String title, String snippet, String department, String category, float score) {}
