/**
 * The in-process event bus: an embedded Vert.x whose event bus implements the core's
 * {@link org.onenumber.core.port.out.EventPublisher}. Local by default; clustering comes later,
 * behind configuration.
 */
package org.onenumber.server.events;
