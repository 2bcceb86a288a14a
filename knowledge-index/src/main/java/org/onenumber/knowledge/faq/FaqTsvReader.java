package org.onenumber.knowledge.faq;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.Audience;
import org.onenumber.core.knowledge.ValidityPeriod;

/**
 * Reads the {@code faq-tsv} format: tab-separated, quoted multi-line fields, a header line with
 * the columns {@code sourceName, language, ID, question, answer} (others are ignored except
 * {@code targetLocation}).
 *
 * <ol>
 *   <li>question → title, answer → body, sourceName → department, language → language, ID →
 *       external id, targetLocation → category (the only other classification the source has).
 *   <li>A record that cannot become an answer (no question, no source, a bad language code, too
 *       long) is skipped and listed in {@link #rejected()} with its line and reason.
 * </ol>
 *
 * Streaming: one record in memory at a time. Not thread-safe. I/O errors surface as {@link
 * UncheckedIOException} from the iterator.
 */
public final class FaqTsvReader implements Iterator<AnswerContent>, AutoCloseable {

  private static final CSVFormat FORMAT =
      CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
          .setIgnoreSurroundingSpaces(false).setTrim(false).get();

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> rejected = new ArrayList<>();
  private AnswerContent next;

  public FaqTsvReader(Reader source) {
    try {
      this.parser = CSVParser.builder().setReader(source).setFormat(FORMAT).get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the faq-tsv header", e);
    }
    for (String column : List.of("sourceName", "language", "ID", "question", "answer")) {
      if (!parser.getHeaderMap().containsKey(column)) {
        throw new org.onenumber.core.error.InvalidInputException("faq-tsv needs a column named " + column);
      }
    }
    this.records = parser.iterator();
  }

  @Override
  public boolean hasNext() {
    while (next == null && records.hasNext()) {
      CSVRecord record = records.next();
      try {
        next = toContent(record);
      } catch (OneNumberException | IllegalArgumentException e) {
        rejected.add("line " + record.getParser().getCurrentLineNumber() + ": " + e.getMessage());
      }
    }
    return next != null;
  }

  @Override
  public AnswerContent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    AnswerContent out = next;
    next = null;
    return out;
  }

  /**
   * How many records a faq-tsv text holds (fields may span lines, so its line count says
   * little): the total for import progress. Parses without building answers.
   */
  public static long countRecords(Reader source) {
    try (CSVParser p = CSVParser.builder().setReader(source).setFormat(FORMAT).get()) {
      return p.stream().count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records skipped so far, each "line N: reason". */
  public List<String> rejected() {
    return List.copyOf(rejected);
  }

  private static AnswerContent toContent(CSVRecord r) {
    String location = r.isMapped("targetLocation") ? r.get("targetLocation").strip() : "";
    return new AnswerContent(
        emptyToNull(r.get("ID").strip()),
        r.get("question").strip(),
        r.get("answer").strip(),
        Language.of(r.get("language")),
        r.get("sourceName").strip(),
        location,
        List.of(),
        List.of(),
        Audience.PUBLIC,
        ValidityPeriod.ALWAYS,
        null);
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
