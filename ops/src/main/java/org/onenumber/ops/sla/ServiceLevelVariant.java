package org.onenumber.ops.sla;

/**
 * Which service-level formula a center uses. With A(T) answered within the threshold T, A
 * answered, O offered, Ab(T) abandoned within T and S short abandons:
 *
 * <ol>
 *   <li>{@link #OF_ANSWERED}: A(T) ÷ A;
 *   <li>{@link #OF_OFFERED}: A(T) ÷ O;
 *   <li>{@link #ABANDONS_WITHIN_T_MET}: (A(T) + Ab(T)) ÷ O;
 *   <li>{@link #SHORT_ABANDONS_EXCLUDED}: A(T) ÷ (O − S).
 * </ol>
 *
 * An empty denominator gives no figure (NaN), never 0 or 100%.
 */
public enum ServiceLevelVariant {
  OF_ANSWERED("A(T) ÷ A"),
  OF_OFFERED("A(T) ÷ O"),
  ABANDONS_WITHIN_T_MET("(A(T) + Ab(T)) ÷ O"),
  SHORT_ABANDONS_EXCLUDED("A(T) ÷ (O − short abandons)");

  private final String formula;

  ServiceLevelVariant(String formula) {
    this.formula = formula;
  }

  public String formula() {
    return formula;
  }

  /** The service level of {@code t} as a fraction 0..1, NaN when the denominator is zero. */
  double of(Tally t) {
    return switch (this) {
      case OF_ANSWERED -> Figures.ratio(t.answeredWithinThreshold, t.answered);
      case OF_OFFERED -> Figures.ratio(t.answeredWithinThreshold, t.offered);
      case ABANDONS_WITHIN_T_MET -> Figures.ratio(t.answeredWithinThreshold + t.abandonedWithinThreshold, t.offered);
      case SHORT_ABANDONS_EXCLUDED -> Figures.ratio(t.answeredWithinThreshold, t.offered - t.shortAbandons);
    };
  }
}
