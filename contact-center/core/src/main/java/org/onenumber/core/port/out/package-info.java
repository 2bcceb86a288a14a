/**
 * Outbound ports: the capabilities the core needs from the world, named for what they do
 * ({@link ContactJournal}, {@link EventPublisher}, {@link CallControl}, {@link MessageGateway},
 * ...). Adapters implement them, named by technology ({@code JdbcContactJournal},
 * {@code TwilioMessageGateway}); the testkit ships a hand-written fake of each.
 */
package org.onenumber.core.port.out;
