/**
 * The contact-center core: OneNumber's domain model, its use cases and the ports through which
 * adapters plug in. Plain Java only ({@code java.*}); time comes from an injected
 * {@link java.time.InstantSource} and randomness from an injected
 * {@link java.util.random.RandomGenerator}, so everything here can be replayed in tests.
 *
 * <p>Start with {@link org.onenumber.core.contact.Contact}: one conversation on one channel and
 * its lifecycle. A citizen ({@link org.onenumber.core.citizen.Citizen}) may have many contacts; an
 * {@link org.onenumber.core.agent.Agent} handles them; what cannot be resolved on the spot
 * becomes a {@link org.onenumber.core.casework.Case} for a
 * {@link org.onenumber.core.directory.Department}. Every state change is a
 * {@link org.onenumber.core.event.DomainEvent}.
 */
package org.onenumber.core;
