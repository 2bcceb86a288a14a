package org.onenumber.knowledge.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerImport;
import org.onenumber.core.knowledge.AnswerPorts;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.ImportReport;
import org.onenumber.core.knowledge.RebuildProgress;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.knowledge.LuceneAnswerIndex;
import org.onenumber.knowledge.SharedCorpus;
import org.onenumber.testkit.DirectTransactions;
import org.onenumber.testkit.FakeAnswerStore;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.RecordingEventPublisher;

class FaqTsvReaderTest {

  private static final Path SHARED_TSV = SharedCorpus.faqTsv();

  @Test
  public void mapsColumnsAndKeepsQuotedMultiLineAnswers() {
    String tsv = "\tsourceUrl\tsourceName\thasAnswer\ttargetLocation\tlanguage\tID\tdateLastChanged\tquestion\tanswer\n"
        + "0\thttp://x\tCity Health\tTrue\tSeoul\ten\tCH|||1\t1\tWhere do I get tested?\t\"Line one.\n\nLine \"\"two\"\".\"\n"
        + "1\thttp://x\t\tTrue\t\ten\tCH|||2\t1\tNo source\tbody\n";
    try (FaqTsvReader reader = new FaqTsvReader(new StringReader(tsv))) {
      List<AnswerContent> read = new ArrayList<>();
      reader.forEachRemaining(read::add);
      assertEquals(1, read.size());
      AnswerContent c = read.get(0);
      assertEquals("Where do I get tested?", c.title());
      assertEquals("Line one.\n\nLine \"two\".", c.body());
      assertEquals("City Health", c.department());
      assertEquals("Seoul", c.category());
      assertEquals("CH|||1", c.externalId());
      assertEquals("en", c.language().code());
      assertEquals(1, reader.rejected().size(), reader.rejected().toString());
    }
    assertEquals(2, FaqTsvReader.countRecords(new StringReader(tsv)), "records, not the 5 lines");
  }

  @Test
  public void importsTheWholeSharedCorpusAsPublishedAnswers() throws Exception {
    FakeAnswerStore store = new FakeAnswerStore();
    List<RebuildProgress> progress = new ArrayList<>();
    try (LuceneAnswerIndex index = LuceneAnswerIndex.inMemory();
        FaqTsvReader reader = new FaqTsvReader(Files.newBufferedReader(SHARED_TSV, StandardCharsets.UTF_8))) {
      ManualClock clock = new ManualClock();
      AnswerImport importer = new AnswerImport(new AnswerPorts(store, index, new RecordingEventPublisher(),
          new DirectTransactions(), clock, new SplittableRandom(3)));
      long records = FaqTsvReader.countRecords(Files.newBufferedReader(SHARED_TSV, StandardCharsets.UTF_8));
      assertEquals(2261, records);
      ImportReport report = importer.importAnswers(reader, records, "import", progress::add);
      assertEquals(2261, report.accepted() + reader.rejected().size());
      assertEquals(2261, report.accepted(), reader.rejected().toString());
      Map<String, Long> byLanguage = new java.util.TreeMap<>();
      store.forEach(a -> byLanguage.merge(a.content().language().code(), 1L, Long::sum));
      assertEquals(Map.of("de", 412L, "en", 1479L, "pl", 320L, "sv", 50L), byLanguage);
      assertTrue(store.findByExternalId("World Health Organization (WHO)|||2809845479505411546")
          .map(a -> a.status() == ReviewStatus.PUBLISHED).orElse(false));
      assertEquals(100.0, progress.get(progress.size() - 1).percent());
      index.refresh();
      assertEquals(2261, index.size());
      var hits = index.search(AnswerQuery.of("contraception family planning", clock.instant())).hits();
      assertEquals("World Health Organization (WHO)", hits.get(0).department(),
          hits.stream().map(h -> h.title()).collect(Collectors.joining("\n")));
    }
  }
}
