/**
 * Domain events: every state change in OneNumber, as an immutable fact with its instant. The
 * {@code EventPublisher} port carries them to whoever listens (routing, service levels,
 * wallboards); the {@code ContactJournal} stores them with the change that caused them.
 */
package org.onenumber.core.event;
