package org.onenumber.core.casework;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.port.in.ActOnCase;
import org.onenumber.core.port.in.ActOnCaseCommand;
import org.onenumber.core.port.in.ReceiveMessage;
import org.onenumber.core.port.in.ReceiveMessageCommand;
import org.onenumber.core.port.out.CaseRegistry;

/**
 * Threads a citizen's answer back into the case that asked them. Wraps the message intake: after
 * the message is durable ({@code Opened} or {@code Threaded}), the citizen's most recent case
 * waiting on them gets a {@code CITIZEN_REPLY} row with the message and the contact it came on, and
 * goes back in progress. When no case waits on them, a message that is a score "1" to "5" (a comment
 * may follow) rates an answer only while a rating question is pending: the most recently resolved
 * of their cases not rated since its resolution ({@link CaseAction.Rate}; the desk refuses it when
 * answered longer ago than the reopen window). Otherwise it stays a normal message (a citizen whose
 * cases are all rated, or who has none resolved, is not rating anything). Duplicates and carrier
 * keywords (STOP) never reach a case. A failure to thread (the case changed at that instant, a
 * refused rating) does not fail the message: staff still see it in the conversation. Thread-safe
 * when its collaborators are.
 */
public final class CaseReplies implements ReceiveMessage {

  /** A score 1–5 alone, or followed by a separator and a comment. */
  private static final Pattern SCORE = Pattern.compile("\\s*([1-5])(?:[\\s.,:;)!-]+(.*))?", Pattern.DOTALL);

  private final ReceiveMessage intake;
  private final CaseRegistry cases;
  private final ActOnCase desk;

  public CaseReplies(ReceiveMessage intake, CaseRegistry cases, ActOnCase desk) {
    this.intake = intake;
    this.cases = cases;
    this.desk = desk;
  }

  @Override
  public Outcome receive(ReceiveMessageCommand command) {
    Outcome outcome = intake.receive(command);
    Contact contact = switch (outcome) {
      case Opened o -> o.contact();
      case Threaded t -> t.contact();
      default -> null;
    };
    boolean noHistory = outcome instanceof Opened opened && opened.newCitizen();
    if (contact != null && contact.citizen() != null && !noHistory && !outcome.message().body().isBlank()) {
      String body = outcome.message().body();
      Optional<Case> waiting = waitingOn(cases, contact.citizen());
      if (waiting.isPresent()) {
        thread(waiting.get(), contact, body);
      } else {
        Matcher score = SCORE.matcher(body);
        if (score.matches()) {
          ratingPending(contact.citizen()).ifPresent(c -> rate(c, score));
        }
      }
    }
    return outcome;
  }

  /** The citizen's most recently resolved case whose rating question is pending, if any. */
  private Optional<Case> ratingPending(CitizenId citizen) {
    return cases.byCitizen(citizen).stream()
        .filter(c -> CaseSatisfaction.unratedResolution(c).isPresent())
        .max(Comparator.comparing(c -> CaseSatisfaction.unratedResolution(c).orElseThrow()));
  }

  private void rate(Case c, Matcher score) {
    String comment = score.group(2) == null || score.group(2).isBlank() ? null : score.group(2).strip();
    if (comment != null && comment.length() > CaseSatisfaction.MAX_COMMENT) {
      comment = comment.substring(0, CaseSatisfaction.MAX_COMMENT);
    }
    try {
      desk.act(new ActOnCaseCommand(c.id(), c.version(), "citizen",
          new CaseAction.Rate(Integer.parseInt(score.group(1)), comment)));
    } catch (OneNumberException refused) {
      return;
    }
  }

  /** The citizen's case waiting on their answer that asked most recently, if any. */
  public static Optional<Case> waitingOn(CaseRegistry cases, CitizenId citizen) {
    return cases.byCitizen(citizen).stream().filter(c -> c.status() == CaseStatus.WAITING_ON_CITIZEN)
        .max(Comparator.comparing(c -> c.last().at()));
  }

  private void thread(Case c, Contact contact, String text) {
    try {
      desk.act(new ActOnCaseCommand(c.id(), c.version(), "citizen", new CaseAction.CitizenReply(contact.id(),
          text.length() > CaseStatusChange.MAX_NOTE ? text.substring(0, CaseStatusChange.MAX_NOTE) : text)));
    } catch (OneNumberException changed) {
      return;
    }
  }
}
