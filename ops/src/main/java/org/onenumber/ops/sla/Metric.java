package org.onenumber.ops.sla;

/**
 * The figures a wallboard and a report show, each with the formula shown next to the number.
 * The formulas restate {@link Figures}; O offered, A answered, Ab abandoned, H handled.
 */
public enum Metric {
  OFFERED("offered", "contacts that entered a queue", "큐에 들어온 접촉 수"),
  ANSWERED("answered", "offered contacts an agent connected to", "상담사가 연결된 접촉 수"),
  ABANDONED("abandoned", "offered contacts where the citizen gave up (not callback, timeout, overflow, transfer)",
      "시민이 끊은 접촉 수 (콜백·시간 초과·넘침·전환 제외)"),
  SHORT_ABANDONS("shortAbandons", "abandons after a wait shorter than the short-abandon threshold",
      "단기 포기 기준보다 짧게 기다린 포기"),
  SERVICE_LEVEL("serviceLevel", "per variant, e.g. answered within T ÷ offered", "방식에 따라, 예: T초 이내 응대 ÷ 인입"),
  ASA("asaSeconds", "Σ wait of answered ÷ A", "응대 호 대기 시간 합 ÷ 응대"),
  LONGEST_WAIT("longestWaitSeconds", "now − arrival of the oldest contact still waiting", "지금 − 가장 오래 기다리는 접촉의 도착"),
  RESPONSE_RATE("responseRate", "A ÷ O", "응대 ÷ 인입"),
  ABANDON_RATE("abandonRate", "Ab ÷ O", "포기 ÷ 인입"),
  HANDLE_TIME("handleSeconds", "(talk + hold + wrap-up) ÷ H", "(통화 + 보류 + 후처리) ÷ 처리 완료"),
  HOLD_TIME("holdSeconds", "Σ hold ÷ H", "보류 시간 합 ÷ 처리 완료"),
  OCCUPANCY("occupancy", "busy + wrap-up time ÷ staffed time", "(통화 + 후처리 시간) ÷ 근무 시간"),
  CONTACTS_PER_AGENT("contactsPerAgent", "A ÷ agents who answered", "응대 ÷ 응대한 상담사 수"),
  FCR("fcr", "closed without escalation, transfer or repeat within N days ÷ H",
      "이관·전환·N일 내 재문의 없이 종료 ÷ 처리 완료"),
  FCR_SURVEY("fcrSurvey", "surveys saying resolved ÷ surveys", "해결됨 응답 ÷ 설문"),
  SATISFACTION("satisfaction", "Σ survey score (1–5) ÷ surveys", "설문 점수(1–5) 합 ÷ 설문"),
  SELF_SERVED("selfServed", "calls ended after the IVR's answer by topic, without an operator (not in O or Ab)",
      "ARS 주제별 안내만 듣고 상담원 없이 끝난 전화 (인입·포기에 포함 안 됨)");

  private final String field;
  private final String formula;
  private final String formulaKo;

  Metric(String field, String formula, String formulaKo) {
    this.field = field;
    this.formula = formula;
    this.formulaKo = formulaKo;
  }

  /** The JSON field that carries this figure. */
  public String field() {
    return field;
  }

  public String formula() {
    return formula;
  }

  /** The formula in Korean, for the wallboard's Korean face. */
  public String formulaKo() {
    return formulaKo;
  }
}
