/**
 * Contact intake: turns a channel's "a citizen is here" into a durable, queued
 * {@link org.onenumber.core.contact.Contact}. {@link ContactIntake} implements
 * {@link org.onenumber.core.port.in.OpenContact}; {@link QueueSelection} decides the queue.
 */
package org.onenumber.core.intake;
