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
 * requested language (or of the languages the script suggests), boosts title over keywords over
 * body (BM25), adds fuzzy variants of words the index does not know (typo tolerance) and filters
 * to live answers. {@link org.onenumber.knowledge.LuceneAnswerIndex} collects the top hits and the
 * facet counts in one pass, highlights snippets ({@link org.onenumber.knowledge.Snippets}) and
 * proposes a corrected query ({@link org.onenumber.knowledge.DidYouMean}).
 *
 * <h2>Near-real-time</h2>
 *
 * Changes go to the {@code IndexWriter} at once; a named refresher thread reopens the searcher
 * every {@value org.onenumber.knowledge.LuceneAnswerIndex#REFRESH_MILLIS} ms when something
 * changed, so an edit is searchable well within 100 ms without a rebuild, and commits every few
 * seconds. A full rebuild pauses the refresher so searches see the old contents until it ends.
 */
package org.onenumber.knowledge;
