package org.onenumber.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerSearchResult;
import org.onenumber.core.knowledge.AnswerVersion;
import org.onenumber.core.knowledge.Audience;
import org.onenumber.core.knowledge.Facility;
import org.onenumber.core.knowledge.FacetCount;
import org.onenumber.core.knowledge.NearestFacility;
import org.onenumber.core.knowledge.RebuildProgress;
import org.onenumber.core.knowledge.ValidityPeriod;

/** The JSON shapes of the answer API. */
public final class AnswerViews {

  private AnswerViews() {}

  @Serdeable
  public record FacilityView(double latitude, double longitude, @Nullable String address,
      @Nullable String openingHours, String type) {
    static FacilityView of(Facility f) {
      return f == null ? null : new FacilityView(f.latitude(), f.longitude(), f.address(), f.openingHours(), f.type());
    }

    Facility toFacility() {
      return new Facility(latitude, longitude, address, openingHours, type);
    }
  }

  /**
   * A citizen's message to suggest answers for: {@code lang} (the conversation's) then {@code languages},
   * at most {@code limit} answers (3 when absent).
   */
  @Serdeable
  public record SuggestionRequest(@Nullable String message, @Nullable String lang,
      @Nullable List<String> languages, @Nullable Integer limit) {
  }

  /** What an author sends to create or edit a draft; {@code version} is required to edit. */
  @Serdeable
  public record AnswerRequest(@Nullable String externalId, String title, @Nullable String body, String language,
      String department, @Nullable String category, @Nullable List<String> keywords, @Nullable List<String> synonyms,
      @Nullable String audience, @Nullable Instant validFrom, @Nullable Instant validUntil,
      @Nullable FacilityView facility, @Nullable Integer version) {
    AnswerContent toContent() {
      InvalidInputException.requireText(language, "language");
      Audience aud = audience == null ? Audience.PUBLIC : parseAudience(audience);
      return new AnswerContent(externalId, title, body, Language.of(language), department, category, keywords,
          synonyms, aud, new ValidityPeriod(validFrom, validUntil), facility == null ? null : facility.toFacility());
    }
  }

  static Audience parseAudience(String s) {
    try {
      return Audience.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("audience must be OPERATOR or PUBLIC");
    }
  }

  @Serdeable
  public record AnswerView(String id, @Nullable String externalId, String title, String body, String language,
      String department, String category, List<String> keywords, List<String> synonyms, String audience,
      @Nullable Instant validFrom, @Nullable Instant validUntil, @Nullable FacilityView facility, String status,
      int version, String author, Instant changedAt) {
    static AnswerView of(Answer a) {
      AnswerContent c = a.content();
      return new AnswerView(a.id().value(), c.externalId(), c.title(), c.body(), c.language().code(), c.department(),
          c.category(), c.keywords(), c.synonyms(), c.audience().name(), c.validity().from(), c.validity().until(),
          FacilityView.of(c.facility()), a.status().name(), a.version(), a.author(), a.changedAt());
    }
  }

  @Serdeable
  public record VersionView(int version, String change, String status, String title, String author, Instant at) {
    static VersionView of(AnswerVersion v) {
      return new VersionView(v.version(), v.change(), v.answer().status().name(), v.answer().title(), v.author(),
          v.at());
    }
  }

  @Serdeable
  public record HitView(String id, @Nullable String externalId, String title, String snippet, String department,
      String category, float score) {
    static HitView of(AnswerHit h) {
      return new HitView(h.id().value(), h.externalId(), h.title(), h.snippet(), h.department(), h.category(),
          h.score());
    }
  }

  @Serdeable
  public record FacetView(String value, long count) {
    static List<FacetView> of(List<FacetCount> counts) {
      return counts.stream().map(c -> new FacetView(c.value(), c.count())).toList();
    }
  }

  /** {@code hits} is always there, an empty list when nothing matched (the API's contract). */
  @Serdeable
  public record SearchView(long total, @JsonInclude(JsonInclude.Include.ALWAYS) List<HitView> hits,
      Map<String, List<FacetView>> facets,
      @Nullable String didYouMean) {
    static SearchView of(AnswerSearchResult r) {
      Map<String, List<FacetView>> facets = new java.util.LinkedHashMap<>();
      r.facets().forEach((k, v) -> facets.put(k, FacetView.of(v)));
      return new SearchView(r.total(), r.hits().stream().map(HitView::of).toList(), facets, r.didYouMean());
    }
  }

  @Serdeable
  public record NearestView(String answerId, String title, FacilityView facility, double distanceMeters) {
    static NearestView of(NearestFacility f) {
      return new NearestView(f.answerId().value(), f.title(), FacilityView.of(f.facility()), f.distanceMeters());
    }
  }

  @Serdeable
  public record ProgressView(long done, long total, double percent, double docsPerSecond, boolean running) {
    static ProgressView of(RebuildProgress p) {
      return new ProgressView(p.done(), p.total(), p.percent(), p.docsPerSecond(), p.running());
    }
  }

  @Serdeable
  public record ImportView(long accepted, long rejected, List<String> rejectedSamples) {}
}
