package org.onenumber.knowledge.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.TypeTokenFilter;
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
import org.apache.lucene.analysis.ko.POS;
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
 * <p>A citizen's message (answer suggestions) is analysed by a message chain: Korean drops, besides
 * Nori's default stop tags (particles, endings, adverbs, interjections), the copula ("예요",
 * "입니다"), auxiliary verbs, bound nouns ("등", "것"), pronouns and numbers ({@link
 * #MESSAGE_STOP_TAGS}); Korean and English drop the conversational words of {@code
 * message-stopwords-ko.txt} / {@code -en.txt} ("안녕하세요", "please", "could"). Other languages use
 * their query chain. Message chains serve suggestions only: the index and plain search are as before.
 *
 * <p>Thread-safe and immutable after construction (Lucene analyzers reuse per-thread components).
 * Fails at construction with {@link UncheckedIOException} when a data file is missing or malformed.
 */
public final class LanguageAnalyzers {

  /** Field-suffix for text in a language without its own analysis chain. */
  public static final String FALLBACK = "xx";

  /** Languages with an analysis chain of their own, by ISO 639-1 code. */
  public static final Set<String> SUPPORTED = Set.of("ko", "en", "zh", "ja", "de", "sv", "pl", "vi", "mn", FALLBACK);

  /** Korean parts of speech a message's words are dropped for: Nori's default stop tags and these. */
  public static final Set<POS.Tag> MESSAGE_STOP_TAGS = messageStopTags();

  private final Map<String, Analyzer> index;
  private final Map<String, Analyzer> query;
  private final Map<String, Analyzer> messageQuery;
  private final Map<String, Analyzer> messageBody;

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
    CharArraySet koStop = stopWords("message-stopwords-ko.txt");
    CharArraySet enStop = stopWords("message-stopwords-en.txt");
    enStop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    Analyzer koMessage = chain(() -> koreanMessage(koDictionary, koStop), null);
    Analyzer enMessage = chain(() -> englishMessage(enStop), null);
    this.messageBody = Map.of("ko", koMessage, "en", enMessage);
    this.messageQuery = Map.of(
        "ko", chain(() -> koreanMessage(koDictionary, koStop), synonyms("synonyms-ko.txt", index.get("ko"))),
        "en", chain(() -> englishMessage(enStop), synonyms("synonyms-en.txt", index.get("en"))));
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

  /** A citizen's message analysed for titles and keywords: content words only, with synonyms. */
  public Analyzer forMessage(String languageCode) {
    String suffix = suffix(languageCode);
    return messageQuery.getOrDefault(suffix, query.get(suffix));
  }

  /** A citizen's message analysed for bodies: content words only, as the index analyses them. */
  public Analyzer forMessageBody(String languageCode) {
    String suffix = suffix(languageCode);
    return messageBody.getOrDefault(suffix, index.get(suffix));
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

  /** The English chain with the message stop words, without numbers ("a 3-seat sofa"). */
  private static Chain englishMessage(CharArraySet stopWords) {
    Tokenizer t = new StandardTokenizer();
    TokenStream s = new TypeTokenFilter(t, Set.of(StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM]));
    s = new EnglishPossessiveFilter(s);
    s = new LowerCaseFilter(s);
    s = new StopFilter(s, stopWords);
    return new Chain(t, new PorterStemFilter(s));
  }

  /** The Korean chain with the message stop tags, and the message stop words on the stems. */
  private static Chain koreanMessage(UserDictionary dictionary, CharArraySet stopWords) {
    Tokenizer t = new KoreanTokenizer(
        TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary, KoreanTokenizer.DecompoundMode.DISCARD, false);
    TokenStream s = new KoreanPartOfSpeechStopFilter(t, MESSAGE_STOP_TAGS);
    s = new KoreanReadingFormFilter(s);
    s = new LowerCaseFilter(s);
    return new Chain(t, new StopFilter(s, stopWords));
  }

  private static Set<POS.Tag> messageStopTags() {
    Set<POS.Tag> tags = EnumSet.copyOf(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
    tags.addAll(List.of(POS.Tag.VCP, POS.Tag.VCN, POS.Tag.VX, POS.Tag.NNB, POS.Tag.NP, POS.Tag.NR, POS.Tag.SN));
    return Collections.unmodifiableSet(tags);
  }

  /** One word a line; '#' starts a comment. */
  private static CharArraySet stopWords(String file) {
    CharArraySet words = new CharArraySet(64, true);
    try (BufferedReader r = new BufferedReader(resource(file))) {
      r.lines().map(line -> line.replaceFirst("#.*", "").strip()).filter(w -> !w.isEmpty()).forEach(words::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stop words " + file, e);
    }
    return words;
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
