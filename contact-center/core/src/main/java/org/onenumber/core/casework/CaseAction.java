package org.onenumber.core.casework;

import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.InvalidInputException;

/** What department staff (or the citizen, or the system) do to a case; {@link CaseDesk} lists the rules. */
public sealed interface CaseAction {

  /** The department takes the case; the citizen is told. */
  record Accept(String publicNote) implements CaseAction {}

  /** A note to the file: internal, public (the citizen is told), or both. */
  record Note(String note, String publicNote) implements CaseAction {
    public Note {
      if ((note == null || note.isBlank()) && (publicNote == null || publicNote.isBlank())) {
        throw new InvalidInputException("a note needs an internal or a public text");
      }
    }
  }

  /** A question to the citizen on their channel; the case waits on the citizen. */
  record Ask(String question) implements CaseAction {
    public Ask {
      InvalidInputException.requireText(question, "question");
    }
  }

  /** Any other move along {@link CaseStatus} (in progress, waiting on a department, rejected, closed). */
  record Move(CaseStatus to, String note, String publicNote) implements CaseAction {
    public Move {
      InvalidInputException.require(to, "status");
    }
  }

  /** Hand the case to another department, with the reason. */
  record Reassign(DepartmentId to, String reason) implements CaseAction {
    public Reassign {
      InvalidInputException.require(to, "department");
      InvalidInputException.requireText(reason, "reason");
    }
  }

  /** The department's answer to the citizen ends the case. */
  record Resolve(String publicAnswer, String note) implements CaseAction {
    public Resolve {
      InvalidInputException.requireText(publicAnswer, "publicAnswer");
    }
  }

  /** The citizen is not satisfied: a resolved case reopens within the reopen window. */
  record Reopen(String reason) implements CaseAction {
    public Reopen {
      InvalidInputException.requireText(reason, "reason");
    }
  }

  /** The citizen rates the department's answer of a resolved case (1–5) with an optional comment. */
  record Rate(int score, String comment) implements CaseAction {
    public Rate {
      if (score < CaseSatisfaction.MIN_SCORE || score > CaseSatisfaction.MAX_SCORE) {
        throw new InvalidInputException("score must be a whole number from 1 to 5");
      }
      if (comment != null && comment.length() > CaseSatisfaction.MAX_COMMENT) {
        throw new InvalidInputException("comment is longer than " + CaseSatisfaction.MAX_COMMENT + " characters");
      }
    }
  }

  /** This case duplicates {@code into}: it ends merged and {@code into} takes its contacts. */
  record Merge(CaseId into, String note) implements CaseAction {
    public Merge {
      InvalidInputException.require(into, "into");
    }
  }

  /** The citizen wrote back (on {@code via}); a case waiting on them goes back in progress. */
  record CitizenReply(ContactId via, String text) implements CaseAction {
    public CitizenReply {
      InvalidInputException.require(via, "via");
      InvalidInputException.requireText(text, "text");
    }
  }
}
