package org.onenumber.knowledge;

/** Names of the Lucene fields of an answer document. Text fields carry the language suffix. */
final class AnswerFields {

  static final String ID = "id";
  /** The answer's version, as numeric doc values: catch-up after a restart. */
  static final String VERSION = "version";
  static final String EXTERNAL_ID = "external_id";
  static final String TITLE_STORED = "title";
  static final String LANGUAGE = "language";
  static final String DEPARTMENT = "department";
  static final String CATEGORY = "category";
  static final String STATUS = "status";
  static final String AUDIENCE = "audience";
  static final String VALID_FROM = "valid_from";
  static final String VALID_UNTIL = "valid_until";
  static final String FACILITY_TYPE = "facility_type";
  static final String LOCATION = "location";
  static final String FACILITY_STORED = "facility";
  /** Title words, lower-cased, not stemmed: prefix suggestions. */
  static final String WORDS = "words";
  /** Title, keyword and body words, lower-cased: the did-you-mean dictionary. */
  static final String SPELL = "spell";

  /** The body's first {@link Snippets#MAX_CHARS} characters as binary doc values: snippet text. */
  static final String BODY_START = "body_start";

  private AnswerFields() {}

  static String title(String suffix) {
    return "title_" + suffix;
  }

  static String keywords(String suffix) {
    return "keywords_" + suffix;
  }

  static String body(String suffix) {
    return "body_" + suffix;
  }
}
