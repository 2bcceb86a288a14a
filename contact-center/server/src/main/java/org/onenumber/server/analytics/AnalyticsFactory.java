package org.onenumber.server.analytics;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.onenumber.core.analytics.CategoryChoice;
import org.onenumber.core.analytics.CategoryTree;
import org.onenumber.core.analytics.ComplaintClassifier;
import org.onenumber.core.analytics.SurveillanceSettings;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;
import org.onenumber.knowledge.classify.LabelledMessages;
import org.onenumber.knowledge.classify.LuceneComplaintClassifier;

/**
 * Builds the demo city's category tree, the classifier over its labelled Korean history
 * ({@code onenumber.analytics.neighbours}, default 7), the category choice, and the surveillance
 * settings: daily periods from midnight in {@code onenumber.ops.zone} (a zone without daylight
 * saving, as Seoul), {@code onenumber.analytics.alpha} (0.01) and the defaults of
 * {@link SurveillanceSettings#daily()}.
 */
@Factory
final class AnalyticsFactory {

  @Singleton
  CategoryTree categoryTree() {
    return LabelledMessages.demoTaxonomy();
  }

  @Singleton
  ComplaintClassifier complaintClassifier(@Value("${onenumber.analytics.neighbours:7}") int neighbours) {
    return new LuceneComplaintClassifier(LabelledMessages.demoKorean(), new LanguageAnalyzers().forMessageBody("ko"),
        neighbours);
  }

  @Singleton
  CategoryChoice categoryChoice(CategoryTree tree, ComplaintClassifier classifier) {
    return new CategoryChoice(tree, classifier);
  }

  @Singleton
  SurveillanceSettings surveillanceSettings(@Value("${onenumber.ops.zone:Asia/Seoul}") String zone,
      @Value("${onenumber.analytics.alpha:0.01}") double alpha) {
    SurveillanceSettings d = SurveillanceSettings.daily();
    return new SurveillanceSettings(LocalDate.of(2000, 1, 1).atStartOfDay(ZoneId.of(zone)).toInstant(),
        Duration.ofDays(1), alpha, d.weight(), d.warmup(), d.prior(), d.minCount(), d.cellDegrees(), d.areaDegrees());
  }
}
