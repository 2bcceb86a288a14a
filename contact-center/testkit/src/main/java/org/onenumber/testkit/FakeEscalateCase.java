package org.onenumber.testkit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.port.in.EscalateCase;
import org.onenumber.core.port.in.EscalateCaseCommand;

/**
 * Opens every case it is asked for (numbered {@code C-1}, {@code C-2}, ...) due in 24 hours, and
 * keeps the commands with the time they came. Thread-safe.
 */
public final class FakeEscalateCase implements EscalateCase {

  /** One escalation and when it happened. */
  public record Escalated(EscalateCaseCommand command, Case opened) {}

  private final InstantSource clock;
  private final List<Escalated> escalated = new ArrayList<>();

  public FakeEscalateCase(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Case escalate(EscalateCaseCommand command) {
    var now = clock.instant();
    Case c = new Case(new CaseId("C-" + (escalated.size() + 1)), command.department(), command.category(),
        command.priority(), command.summary(), new CitizenId("citizen-of-" + command.contact()),
        List.of(command.contact()), now.plus(Duration.ofHours(24)),
        List.of(new CaseStatusChange(CaseStatus.OPEN, now, command.author(), null)));
    escalated.add(new Escalated(command, c));
    return c;
  }

  public synchronized List<Escalated> escalated() {
    return List.copyOf(escalated);
  }
}
