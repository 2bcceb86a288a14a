package org.onenumber.knowledge.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The index and query analyzers of every supported language. Languages without their own chain
 * (and unknown codes) use {@link #FALLBACK}: standard tokenisation and lower case.
 *
 * <p>Thread-safe and immutable after construction (Lucene analyzers reuse per-thread components).
 * Fails at construction with {@link UncheckedIOException} when a data file is missing or malformed.
 */
public final class LanguageAnalyzers {

  /** Field-suffix for text in a language without its own analysis chain. */
  public static final String FALLBACK = "xx";

  /** Languages with an analysis chain of their own, by ISO 639-1 code. */
  public static final Set<String> SUPPORTED = Set.of("ko", "en", "zh", "ja", "de", "sv", "pl", "vi", "mn", FALLBACK);

  private final Map<String, Analyzer> index;
  private final Map<String, Analyzer> query;

  public LanguageAnalyzers() {
    UserDictionary koDictionary = koreanUserDictionary();
    this.index = Map.ofEntries(
        Map.entry("ko", chain(() -> korean(koDictionary), null)),
        Map.entry("en", chain(LanguageAnalyzers::english, null)),
        Map.entry("zh", chain(() -> cjkBigrams(), null)),
        Map.entry("ja", chain(() -> cjkBigrams(), null)),
        Map.entry("de", chain(LanguageAnalyzers::german, null)),
        Map.entry("sv", chain(LanguageAnalyzers::swedish, null)),
        Map.entry("pl", chain(() -> standardLowerCase(), null)),
        Map.entry("vi", chain(() -> standardLowerCase(), null)),
        Map.entry("mn", chain(() -> standardLowerCase(), null)),
        Map.entry(FALLBACK, chain(() -> standardLowerCase(), null)));
    this.query = Map.ofEntries(
        Map.entry("ko", chain(() -> korean(koDictionary), synonyms("synonyms-ko.txt", index.get("ko")))),
        Map.entry("en", chain(LanguageAnalyzers::english, synonyms("synonyms-en.txt", index.get("en")))),
        Map.entry("zh", index.get("zh")),
        Map.entry("ja", index.get("ja")),
        Map.entry("de", index.get("de")),
        Map.entry("sv", index.get("sv")),
        Map.entry("pl", index.get("pl")),
        Map.entry("vi", index.get("vi")),
        Map.entry("mn", index.get("mn")),
        Map.entry(FALLBACK, index.get(FALLBACK)));
  }

  /** The field suffix for a language code: the code itself when supported, else {@link #FALLBACK}. */
  public static String suffix(String languageCode) {
    String code = languageCode == null ? FALLBACK : languageCode.toLowerCase(Locale.ROOT);
    return SUPPORTED.contains(code) ? code : FALLBACK;
  }

  public Analyzer forIndex(String languageCode) {
    return index.get(suffix(languageCode));
  }

  public Analyzer forQuery(String languageCode) {
    return query.get(suffix(languageCode));
  }

  /** Lower-cased standard tokens: suggestions and spelling. */
  public static Analyzer plainWords() {
    return chain(() -> standardLowerCase(), null);
  }

  /** A tokenizer and its filters. */
  private record Chain(Tokenizer source, TokenStream sink) {}

  private static Analyzer chain(Supplier<Chain> build, SynonymMap synonyms) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Chain c = build.get();
        TokenStream closed = new ClosePositionGapsFilter(c.sink());
        TokenStream sink = synonyms == null ? closed : new SynonymGraphFilter(closed, synonyms, true);
        return new TokenStreamComponents(c.source(), sink);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  private static Chain korean(UserDictionary dictionary) {
    Tokenizer t = new KoreanTokenizer(
        TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary, KoreanTokenizer.DecompoundMode.DISCARD, false);
    TokenStream s = new KoreanPartOfSpeechStopFilter(t);
    s = new KoreanReadingFormFilter(s);
    return new Chain(t, new LowerCaseFilter(s));
  }

  private static Chain english() {
    Tokenizer t = new StandardTokenizer();
    TokenStream s = new EnglishPossessiveFilter(t);
    s = new LowerCaseFilter(s);
    s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return new Chain(t, new PorterStemFilter(s));
  }

  private static Chain german() {
    Tokenizer t = new StandardTokenizer();
    TokenStream s = new LowerCaseFilter(t);
    s = new StopFilter(s, GermanAnalyzer.getDefaultStopSet());
    s = new GermanNormalizationFilter(s);
    return new Chain(t, new GermanLightStemFilter(s));
  }

  private static Chain swedish() {
    Tokenizer t = new StandardTokenizer();
    TokenStream s = new LowerCaseFilter(t);
    s = new StopFilter(s, SwedishAnalyzer.getDefaultStopSet());
    return new Chain(t, new SwedishLightStemFilter(s));
  }

  /** CJK bigrams over standard tokens; non-CJK words stay whole and lower-cased. */
  static Chain cjkBigrams() {
    Tokenizer t = new StandardTokenizer();
    TokenStream s = new CJKWidthFilter(t);
    s = new LowerCaseFilter(s);
    return new Chain(t, new CJKBigramFilter(s));
  }

  private static Chain standardLowerCase() {
    Tokenizer t = new StandardTokenizer();
    return new Chain(t, new LowerCaseFilter(t));
  }

  private static UserDictionary koreanUserDictionary() {
    try (Reader r = resource("ko-userdict.txt")) {
      return UserDictionary.open(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Korean user dictionary", e);
    }
  }

  private static SynonymMap synonyms(String file, Analyzer analyzer) {
    try (Reader r = resource(file)) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
      parser.parse(r);
      return parser.build();
    } catch (IOException | ParseException e) {
      throw new UncheckedIOException(new IOException("cannot read synonyms " + file + ": " + e.getMessage(), e));
    }
  }

  private static Reader resource(String name) throws IOException {
    InputStream in = LanguageAnalyzers.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing data file " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** The analysed terms of {@code text}, for tests and diagnostics. */
  public static List<String> terms(Analyzer analyzer, String text) {
    return Terms.of(analyzer, text);
  }
}
