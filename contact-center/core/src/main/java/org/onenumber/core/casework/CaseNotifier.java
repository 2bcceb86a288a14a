package org.onenumber.core.casework;

/**
 * Tells the citizen about a row of their case that carries a public note or a public status. Never
 * throws for a refusal (the citizen sent STOP, no channel reaches them): the case stands regardless.
 */
@FunctionalInterface
public interface CaseNotifier {

  CaseNotifier NONE = (c, row) -> { };

  void tell(Case c, CaseStatusChange row);
}
