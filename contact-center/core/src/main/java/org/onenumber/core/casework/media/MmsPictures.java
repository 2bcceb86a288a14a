package org.onenumber.core.casework.media;

import java.net.URI;
import java.util.List;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CaseReplies;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.messaging.Message;
import org.onenumber.core.port.in.ReceiveMessage;
import org.onenumber.core.port.in.ReceiveMessageCommand;
import org.onenumber.core.port.out.CaseRegistry;

/**
 * Queues the pictures of an inbound MMS (or WhatsApp) message for the case its contact becomes.
 * Wraps the message intake: once the message is durable ({@code Opened}, {@code Threaded}), one
 * {@link FetchCaseMedia} job per media link is stored before the channel is acknowledged; a
 * {@code Duplicate} (the channel retried after we stopped between the two) stores the jobs that are
 * missing, since jobs are keyed by message and index. Nothing is fetched here. Thread-safe when its
 * collaborators are.
 */
public final class MmsPictures implements ReceiveMessage {

  /** The {@link MediaFetchJob#source()} of MMS pictures. */
  public static final String SOURCE = "mms";

  private final ReceiveMessage intake;
  private final FetchCaseMedia media;
  private final CaseRegistry cases;

  public MmsPictures(ReceiveMessage intake, FetchCaseMedia media, CaseRegistry cases) {
    this.intake = intake;
    this.media = media;
    this.cases = cases;
  }

  @Override
  public Outcome receive(ReceiveMessageCommand command) {
    Outcome outcome = intake.receive(command);
    if (outcome instanceof Opened || outcome instanceof Threaded || outcome instanceof Duplicate) {
      Message message = outcome.message();
      List<URI> links = message.media();
      CaseId waiting = links.isEmpty() ? null : waitingCase(outcome);
      for (int i = 0; i < links.size(); i++) {
        media.enqueue(SOURCE + ":" + message.id().value() + "#" + i, waiting, message.contact(), links.get(i),
            SOURCE);
      }
    }
    return outcome;
  }

  private CaseId waitingCase(Outcome outcome) {
    Contact contact = switch (outcome) {
      case Opened o -> o.contact();
      case Threaded t -> t.contact();
      default -> null;
    };
    if (contact == null || contact.citizen() == null) {
      return null;
    }
    return CaseReplies.waitingOn(cases, contact.citizen()).map(Case::id).orElse(null);
  }
}
