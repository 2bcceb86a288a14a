package org.onenumber.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onenumber.core.agent.AgentState;
import org.onenumber.ops.sla.Figures;
import org.onenumber.ops.sla.LiveStatus;
import org.onenumber.ops.sla.Metric;
import org.onenumber.ops.sla.ServiceLevelPolicy;

/**
 * Renders figures as JSON-ready maps: every {@link Figures} component by name, ratios rounded to
 * six decimals, NaN (no figure) as null. Stateless and thread-safe.
 */
final class FigureJson {

  static final ObjectMapper JSON = new ObjectMapper();
  /** Read once: each call of getRecordComponents makes new accessors (a day's report has 150,000 rows). */
  private static final RecordComponent[] COMPONENTS = Figures.class.getRecordComponents();
  private static final Method[] ACCESSORS = Arrays.stream(COMPONENTS).map(RecordComponent::getAccessor)
      .toArray(Method[]::new);

  private FigureJson() {}

  static Map<String, Object> figures(Figures f) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < COMPONENTS.length; i++) {
      try {
        Object value = ACCESSORS[i].invoke(f);
        map.put(COMPONENTS[i].getName(), value instanceof Double d ? number(d) : value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + COMPONENTS[i].getName(), e);
      }
    }
    return map;
  }

  static Map<String, Object> status(LiveStatus s) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("waiting", s.waiting());
    map.put("longestWaitSeconds", number(s.longestWaitSeconds()));
    Map<AgentState, Long> byState = new EnumMap<>(AgentState.class);
    byState.putAll(s.agentsByState());
    map.put("agentsByState", byState);
    return map;
  }

  /** Threshold, variant and every metric's formula: what the numbers mean. */
  static Map<String, Object> definitions(ServiceLevelPolicy policy, Instant at) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("thresholdSeconds", policy.threshold().toSeconds());
    map.put("variant", policy.variant().name());
    map.put("variantFormula", policy.variant().formula());
    map.put("shortAbandonSeconds", policy.shortAbandon().toSeconds());
    map.put("repeatWindowDays", policy.repeatWindow().toDays());
    map.put("zone", policy.zone().getId());
    map.put("asOf", at.toString());
    Map<String, String> formulas = new LinkedHashMap<>();
    Map<String, String> formulasKo = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      formulas.put(m.field(), m.formula());
      formulasKo.put(m.field(), m.formulaKo());
    }
    map.put("formulas", formulas);
    map.put("formulasKo", formulasKo);
    return map;
  }

  static Object number(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? null : Math.round(d * 1e6) / 1e6;
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }
}
