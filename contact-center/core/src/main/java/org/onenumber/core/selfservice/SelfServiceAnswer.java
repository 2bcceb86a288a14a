package org.onenumber.core.selfservice;

import org.onenumber.core.directory.Language;

/**
 * The answer a caller hears for a topic.
 *
 * @param topic the topic's key (prompt file {@code answer-<key>})
 * @param title the answer's title
 * @param text the answer's body as plain text (Markdown marks removed), for text-to-speech and SMS
 */
public record SelfServiceAnswer(String topic, Language language, String title, String text) {}
