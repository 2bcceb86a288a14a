/**
 * Complaint classification: which type of the city's category tree a citizen's words are about.
 *
 * <p>{@link org.onenumber.knowledge.classify.LuceneComplaintClassifier} is k-nearest-neighbours
 * over the indexed history of labelled messages, the method of Lucene's own
 * {@code KNearestNeighborClassifier} (the {@code lucene-classification} artifact is not on this
 * machine's Maven mirror for Lucene 10.5.0, so the same few steps are written here): the message
 * becomes a "more like this" query of its content words (the terms {@code MoreLikeThis} would pick,
 * with term states and statistics read once at construction), the k best-scoring past messages
 * vote with their BM25 scores, and the votes
 * are normalised into {@link org.onenumber.core.analytics.CategoryGuess} shares.
 * {@link org.onenumber.knowledge.classify.LabelledMessages} reads the demo city's Korean set and
 * the NYC 311 export as labelled history.
 */
package org.onenumber.knowledge.classify;
