package org.onenumber.knowledge;

import static org.onenumber.knowledge.AnswerFields.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.Facility;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/** Turns an answer into a Lucene document (see the package documentation for the fields). Stateless. */
final class AnswerDocuments {

  /** Body text: stored, with offsets in the postings so snippets need no re-analysis. */
  static final FieldType BODY = bodyType();
  /** The did-you-mean dictionary takes words from the start of each body only; enough for spelling. */
  static final int SPELL_BODY_CHARS = 2_000;

  private AnswerDocuments() {}

  static Document toDocument(Answer answer) {
    AnswerContent c = answer.content();
    String lang = LanguageAnalyzers.suffix(c.language().code());
    Document d = new Document();
    d.add(new StringField(ID, answer.id().value(), Field.Store.YES));
    d.add(new BinaryDocValuesField(ID, new BytesRef(answer.id().value())));
    d.add(new NumericDocValuesField(VERSION, answer.version()));
    if (c.externalId() != null) {
      d.add(new StoredField(EXTERNAL_ID, c.externalId()));
    }
    d.add(new BinaryDocValuesField(EXTERNAL_ID, new BytesRef(c.externalId() == null ? "" : c.externalId())));
    d.add(new StoredField(TITLE_STORED, c.title()));
    d.add(new BinaryDocValuesField(TITLE_STORED, new BytesRef(c.title())));
    d.add(new StringField(LANGUAGE, c.language().code(), Field.Store.YES));
    d.add(new SortedDocValuesField(LANGUAGE, new BytesRef(lang)));
    keyword(d, DEPARTMENT, c.department());
    keyword(d, CATEGORY, c.category());
    d.add(new StringField(STATUS, answer.status().name(), Field.Store.NO));
    d.add(new StringField(AUDIENCE, c.audience().name(), Field.Store.NO));
    d.add(new LongField(VALID_FROM, c.validity().from() == null ? Long.MIN_VALUE : c.validity().from().toEpochMilli(), Field.Store.NO));
    d.add(new LongField(VALID_UNTIL, c.validity().until() == null ? Long.MAX_VALUE : c.validity().until().toEpochMilli(), Field.Store.NO));
    d.add(new TextField(title(lang), c.title(), Field.Store.NO));
    List<String> words = new ArrayList<>(c.keywords());
    words.addAll(c.synonyms());
    if (!words.isEmpty()) {
      d.add(new TextField(keywords(lang), String.join(" , ", words), Field.Store.NO));
    }
    d.add(new Field(body(lang), c.body(), BODY));
    d.add(new BinaryDocValuesField(BODY_START, new BytesRef(
        c.body().length() > Snippets.MAX_CHARS ? c.body().substring(0, Snippets.MAX_CHARS) : c.body())));
    d.add(new TextField(WORDS, c.title(), Field.Store.NO));
    String bodyStart = c.body().length() > SPELL_BODY_CHARS ? c.body().substring(0, SPELL_BODY_CHARS) : c.body();
    d.add(new TextField(SPELL, c.title() + "\n" + String.join(" ", words) + "\n" + bodyStart, Field.Store.NO));
    if (c.facility() != null) {
      facility(d, c.facility());
    }
    return d;
  }

  private static void keyword(Document d, String field, String value) {
    d.add(new StringField(field, value, Field.Store.YES));
    d.add(new SortedDocValuesField(field, new BytesRef(value)));
  }

  private static void facility(Document d, Facility f) {
    d.add(new StringField(FACILITY_TYPE, f.type(), Field.Store.NO));
    d.add(new LatLonPoint(LOCATION, f.latitude(), f.longitude()));
    d.add(new LatLonDocValuesField(LOCATION, f.latitude(), f.longitude()));
    d.add(new StoredField(FACILITY_STORED, String.join("\u001f",
        Double.toString(f.latitude()), Double.toString(f.longitude()), f.address(), f.openingHours(), f.type())));
  }

  /** Reads the stored facility back; null when the document has none. */
  static Facility facility(Document d) {
    String packed = d.get(FACILITY_STORED);
    if (packed == null) {
      return null;
    }
    String[] p = packed.split("\u001f", -1);
    return new Facility(Double.parseDouble(p[0]), Double.parseDouble(p[1]), p[2], p[3], p[4]);
  }

  private static FieldType bodyType() {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }
}
