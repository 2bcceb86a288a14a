package org.onenumber.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.testkit.AnswerTestData.AT;
import static org.onenumber.testkit.AnswerTestData.content;
import static org.onenumber.testkit.AnswerTestData.published;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.AnswerSearchResult;
import org.onenumber.core.knowledge.Facility;
import org.onenumber.core.knowledge.NearestFacility;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.core.knowledge.ValidityPeriod;
import org.onenumber.core.port.out.AnswerIndex;

/**
 * What every {@link AnswerIndex} must do, run against the fake and the Lucene index. Subclasses
 * supply a fresh, empty index; {@link #close} is called after each test.
 */
public abstract class AnswerIndexContract {

  protected AnswerIndex index;

  protected abstract AnswerIndex newIndex() throws Exception;

  protected void close(AnswerIndex index) throws Exception {}

  @BeforeEach
  void open() throws Exception {
    index = newIndex();
  }

  @AfterEach
  void shut() throws Exception {
    close(index);
  }

  private AnswerSearchResult search(String text) {
    index.refresh();
    return index.search(AnswerQuery.of(text, AT));
  }

  private static List<String> ids(AnswerSearchResult r) {
    return r.hits().stream().map(h -> h.id().value()).toList();
  }

  @Test
  public void findsAPublishedAnswerByAWordOfItsTitle() {
    index.index(published("a1", "Bulky waste collection", "Book a pickup for furniture.", "Sanitation"));
    index.index(published("a2", "Parking permits", "Residents apply online.", "Transport"));
    AnswerSearchResult r = search("waste");
    assertEquals(List.of("a1"), ids(r));
    AnswerHit hit = r.hits().get(0);
    assertEquals("Bulky waste collection", hit.title());
    assertEquals("Sanitation", hit.department());
  }

  @Test
  public void hidesDraftsAndArchivedAnswersFromOperators() {
    Answer live = published("a1", "Passport renewal", "Bring your old passport.", "Civil");
    index.index(live);
    index.index(AnswerTestData.withStatus(published("a2", "Passport photo rules", "35 by 45 mm.", "Civil"), ReviewStatus.DRAFT));
    assertEquals(List.of("a1"), ids(search("passport")));
  }

  @Test
  public void replacesAnAnswerWithTheSameId() {
    index.index(published("a1", "Old title about trees", "Body.", "Parks"));
    index.index(published("a1", "Street lights repair", "Body.", "Roads"));
    assertEquals(0, search("trees").total());
    assertEquals(List.of("a1"), ids(search("lights")));
    assertEquals(1, index.size());
  }

  @Test
  public void deletedAnswersAreNoLongerFound() {
    index.index(published("a1", "Dog licence", "Register your dog.", "Animals"));
    index.delete(new AnswerId("a1"));
    assertEquals(0, search("dog").total());
  }

  @Test
  public void answersPastTheirValidityDisappearWithoutAnyChange() {
    var c = AnswerTestData.withValidity(content("Heating subsidy winter", "Apply by March.", "Welfare"),
        new ValidityPeriod(AT.minus(Duration.ofDays(10)), AT.plus(Duration.ofHours(1))));
    index.index(published("a1", c));
    index.refresh();
    assertEquals(1, index.search(AnswerQuery.of("heating", AT)).total());
    assertEquals(0, index.search(AnswerQuery.of("heating", AT.plus(Duration.ofHours(2)))).total());
  }

  @Test
  public void filtersByDepartmentAndCountsFacets() {
    index.index(published("a1", "Recycling glass", "Green bins.", "Sanitation"));
    index.index(published("a2", "Recycling batteries", "Shops take them.", "Sanitation"));
    index.index(published("a3", "Recycling days in parks", "Events.", "Parks"));
    index.refresh();
    AnswerSearchResult all = index.search(AnswerQuery.of("recycling", AT));
    assertEquals(3, all.total());
    assertEquals("Sanitation", all.facets().get("department").get(0).value());
    assertEquals(2, all.facets().get("department").get(0).count());
    AnswerQuery parks = new AnswerQuery("recycling", null, "Parks", null, null, false, AT, 0, 10);
    assertEquals(List.of("a3"), ids(index.search(parks)));
  }

  @Test
  public void pagesThroughHits() {
    for (int i = 0; i < 15; i++) {
      index.index(published("a" + i, "Library opening hours " + i, "Open daily.", "Culture"));
    }
    index.refresh();
    AnswerSearchResult second = index.search(new AnswerQuery("library", null, null, null, null, false, AT, 1, 10));
    assertEquals(15, second.total());
    assertEquals(5, second.hits().size());
  }

  @Test
  public void findsTheNearestFacilitiesOfATypeNearestFirst() {
    index.index(published("far", AnswerTestData.withFacility(content("Gangnam community center", "b", "Civil"),
        new Facility(37.5172, 127.0473, "Gangnam", "9-18", "community-center"))));
    index.index(published("near", AnswerTestData.withFacility(content("Jongno community center", "b", "Civil"),
        new Facility(37.5735, 126.9790, "Jongno", "9-18", "community-center"))));
    index.index(published("other", AnswerTestData.withFacility(content("Jongno library", "b", "Culture"),
        new Facility(37.5736, 126.9791, "Jongno", "9-22", "library"))));
    index.refresh();
    List<NearestFacility> found = index.nearest(37.5665, 126.9780, "community-center", 5, AT);
    assertEquals(List.of("near", "far"), found.stream().map(f -> f.answerId().value()).toList());
    assertTrue(found.get(0).distanceMeters() < found.get(1).distanceMeters());
  }

  @Test
  public void suggestsTitlesFromAPrefix() {
    index.index(published("a1", "Garbage collection schedule", "b", "Sanitation"));
    index.index(published("a2", "Parking permits", "b", "Transport"));
    index.refresh();
    assertEquals(List.of("Garbage collection schedule"), index.suggest("garb", null, 5, AT));
  }

  @Test
  public void rebuildReplacesEverythingAndReportsProgress() {
    index.index(published("old", "Old answer about snow", "b", "Roads"));
    List<Answer> fresh = List.of(published("n1", "Snow removal", "b", "Roads"), published("n2", "Ice on pavements", "b", "Roads"));
    index.rebuild(fresh.iterator(), fresh.size());
    assertEquals(List.of("n1"), ids(search("snow")));
    assertEquals(2, index.size());
    assertEquals(100.0, index.rebuildProgress().percent());
  }

  @Test
  public void listsTheVersionOfEveryIndexedAnswer() {
    index.index(published("a1", "Snow removal", "b", "Roads"));
    Answer edited = published("a1", "Snow and ice removal", "b", "Roads");
    index.index(new Answer(edited.id(), edited.content(), edited.status(), 3, "test", AT));
    index.index(published("a2", "Parking permits", "b", "Transport"));
    index.delete(new AnswerId("a2"));
    assertEquals(java.util.Map.of(new AnswerId("a1"), 3L), index.versions());
  }
}
