/**
 * Admission control for intake: bounded in-flight webhooks, chat frames, reports and contact
 * creations, shed at once with 503 and {@code Retry-After} when full, so operator and routing calls
 * keep threads and connections.
 */
package org.onenumber.server.admission;
