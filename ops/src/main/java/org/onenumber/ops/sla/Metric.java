package org.onenumber.ops.sla;

/**
 * The figures a wallboard and a report show, each with the formula shown next to the number.
 * The formulas restate {@link Figures}; O offered, A answered, Ab abandoned, H handled.
 */
public enum Metric {
  OFFERED("offered", "contacts that entered a queue"),
  ANSWERED("answered", "offered contacts an agent connected to"),
  ABANDONED("abandoned", "offered contacts where the citizen gave up (not callback, timeout, overflow, transfer)"),
  SHORT_ABANDONS("shortAbandons", "abandons after a wait shorter than the short-abandon threshold"),
  SERVICE_LEVEL("serviceLevel", "per variant, e.g. answered within T ÷ offered"),
  ASA("asaSeconds", "Σ wait of answered ÷ A"),
  LONGEST_WAIT("longestWaitSeconds", "now − arrival of the oldest contact still waiting"),
  RESPONSE_RATE("responseRate", "A ÷ O"),
  ABANDON_RATE("abandonRate", "Ab ÷ O"),
  HANDLE_TIME("handleSeconds", "(talk + hold + wrap-up) ÷ H"),
  OCCUPANCY("occupancy", "busy + wrap-up time ÷ staffed time"),
  CONTACTS_PER_AGENT("contactsPerAgent", "A ÷ agents who answered"),
  FCR("fcr", "closed without escalation, transfer or repeat within N days ÷ H"),
  FCR_SURVEY("fcrSurvey", "surveys saying resolved ÷ surveys"),
  SATISFACTION("satisfaction", "Σ survey score (1–5) ÷ surveys");

  private final String field;
  private final String formula;

  Metric(String field, String formula) {
    this.field = field;
    this.formula = formula;
  }

  /** The JSON field that carries this figure. */
  public String field() {
    return field;
  }

  public String formula() {
    return formula;
  }
}
