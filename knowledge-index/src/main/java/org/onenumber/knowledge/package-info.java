/**
 * The Lucene answer database: {@link org.onenumber.knowledge.LuceneAnswerIndex} implements the
 * core's {@code AnswerIndex} port.
 *
 * <h2>How an answer is indexed</h2>
 *
 * {@link org.onenumber.knowledge.AnswerDocuments} turns an answer into one document. Its title,
 * keywords (with synonyms) and body go into fields named after the answer's language ({@code
 * title_ko}, {@code body_en}, ...), each analysed by that language's chain (see the {@code
 * analysis} package). Department and category are both exact-match filters and doc values for
 * facet counts; status, audience and the validity period are filters; a facility is a
 * {@code LatLonPoint} plus doc values for distance sorting.
 *
 * <h2>How a search runs</h2>
 *
 * {@link org.onenumber.knowledge.AnswerQueries} analyses the text with the query analyzer of the
 * requested language (or of the languages whose answers know most of its words, {@link
 * org.onenumber.knowledge.QueryLanguages}), boosts title over keywords over body (BM25, one flat
 * disjunction), adds the nearest known words of words no answer contains (typo tolerance, {@link
 * org.onenumber.knowledge.DidYouMean}, which also proposes the corrected query) and filters to
 * live answers. {@link org.onenumber.knowledge.LuceneAnswerIndex} collects the top hits and the
 * facet counts in one pass and highlights snippets ({@link org.onenumber.knowledge.Snippets});
 * hits, snippets and facets are read segment by segment in doc order ({@link
 * org.onenumber.knowledge.DocOrder}).
 *
 * <h2>Suggestions for a citizen's message</h2>
 *
 * {@link org.onenumber.knowledge.AnswerQueries#message} turns a whole message into a query of its
 * content words only (the message chains of the {@code analysis} package drop Korean particles,
 * endings, copulas and bound nouns by Nori part-of-speech tags, English stop words, greetings and
 * numbers); {@link org.onenumber.knowledge.MessageSuggestions} keeps the best answers only when
 * enough of the message's weighted words are in them, so small talk gets no suggestion rather than
 * noise. Several languages (the conversation's first) are ordered by {@link
 * org.onenumber.knowledge.LanguageOrder}, for suggestions and plain search alike.
 *
 * <h2>Near-real-time</h2>
 *
 * Changes go to the {@code IndexWriter} at once; a named refresher thread reopens the searcher
 * every {@value org.onenumber.knowledge.LuceneAnswerIndex#REFRESH_MILLIS} ms when something
 * changed, so an edit is searchable well within 100 ms without a rebuild, and commits every few
 * seconds. A full rebuild pauses the refresher so searches see the old contents until it ends,
 * and ends merged into one segment. Every answer's version is kept as doc values, so an index that
 * missed changes (a crash between commits) can be caught up from the database.
 */
package org.onenumber.knowledge;
