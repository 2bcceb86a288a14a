package org.onenumber.server.intake;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.function.Consumer;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.intake.ContactIntake;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.server.routing.HandedContacts;

/**
 * Opens a contact by {@link ContactIntake} and hands it to routing as journaled ({@link
 * HandedContacts}, inside the transaction that journals it), so that its arrival does not read it
 * back: the calls of the FastAGI IVR and the web forms of {@code POST /api/v1/contacts} (issue 17,
 * session 20: at Seoul's staffed peak seven arrivals in ten are calls, each a read of the journal
 * ahead of its turn or, with the read-ahead places taken, inside the routing context's turn). What
 * the transaction writes after the contact (a web form's idempotency key) is another row, so the
 * contact handed is the one journaled. {@code onenumber.intake.hand-to-routing=false} reads it back
 * as before (A/B runs). Thread-safe.
 */
@Singleton
public final class IntakeToRouting {

  private final ContactIntake intake;
  private final HandedContacts routing;
  private final boolean hand;

  IntakeToRouting(ContactIntake intake, HandedContacts routing,
      @Value("${onenumber.intake.hand-to-routing:true}") boolean hand) {
    this.intake = intake;
    this.routing = routing;
    this.hand = hand;
  }

  /** Opens the contact (durable and queued), handed to routing. */
  public Contact open(OpenContactCommand command) {
    return open(command, contact -> { });
  }

  /** As {@link ContactIntake#open(OpenContactCommand, Consumer)}, the contact handed to routing after {@code alsoInTransaction}. */
  public Contact open(OpenContactCommand command, Consumer<Contact> alsoInTransaction) {
    return intake.open(command, contact -> {
      alsoInTransaction.accept(contact);
      if (hand && contact.state() == ContactState.QUEUED) {
        routing.hand(contact);
      }
    });
  }
}
