/**
 * Self-service on the phone: a caller picks a topic in the IVR's topic menu and hears the city's
 * answer to it, without an operator.
 *
 * <p>{@link org.onenumber.core.selfservice.SelfServiceTopics} is the city's small list of topics: a
 * DTMF digit (1–8; 0 is always "an operator" and 9 "again"), a key that names the recorded prompts
 * ({@code answer-<key>}) and, per language, the external id of a published answer in the answer
 * database. {@link org.onenumber.core.selfservice.SelfService} implements
 * {@link org.onenumber.core.port.in.ServeSelf} for both carriers:
 *
 * <ol>
 *   <li>{@code topics(language)}: the topics that have an answer in the caller's language (no
 *       topics: the carrier skips the menu and queues the call as before);
 *   <li>{@code answer(digit, language)}: the topic's answer if it is published and valid now (its
 *       title and plain text, for text-to-speech and the SMS copy);
 *   <li>{@code served(...)}: the call ended after the answer without an operator: one contact,
 *       CREATED when the caller started hearing the answer and CLOSED now with reason
 *       {@value org.onenumber.core.selfservice.SelfService#SELF_SERVED}, journaled like any other.
 *       It never entered a queue, so it is not offered, answered or abandoned; service levels count
 *       it as self-served.
 * </ol>
 */
package org.onenumber.core.selfservice;
