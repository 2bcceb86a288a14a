package org.onenumber.server.call;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import org.onenumber.channels.call.CallClaims;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.persistence.Jdbc;

/**
 * For {@code GuestRehomedBrowserIT}: one server claims its calls in {@code call_home} as a cluster's node does
 * ({@link JdbcCallClaims}, as {@value #HERE}), so that the test can take a call over as another node would
 * ({@link #takeOver}); the server then gives the call up at its next frame and rebuilds it when the citizen
 * resumes, as a woken home and the live home do between them.
 */
@Factory
@Requires(property = "spec.name", value = "GuestRehomedBrowserIT")
public final class OneNodeCallClaims {

  /** The node name this server claims its calls under. */
  public static final String HERE = "node-a";

  @Singleton
  @Replaces(value = CallClaims.class, factory = CallFactory.class)
  CallClaims claimedHere(Jdbc jdbc, InstantSource clock) {
    return new JdbcCallClaims(jdbc, clock, HERE);
  }

  /** Another node ({@code node-b}) claims {@code contact}'s call, as one that took it over does; returns its claim. */
  public static String takeOver(Jdbc jdbc, ContactId contact) {
    return new JdbcCallClaims(jdbc, InstantSource.system(), "node-b").claim(contact);
  }
}
