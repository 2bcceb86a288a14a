/**
 * Measuring search quality. {@link org.onenumber.knowledge.relevance.RelevanceHarness} runs a file
 * of {@code query<TAB>expected external id} lines through any search function (the Lucene index
 * through the same {@code AnswerIndex.search} the API calls, or a baseline such as PostgreSQL) and
 * reports MRR@10, recall@10 and nDCG@10. {@code dev-covid-faq.tsv} beside this package is the
 * development set against the shared COVID FAQ corpus; {@link
 * org.onenumber.knowledge.relevance.RelevanceCommand} prints its figures.
 */
package org.onenumber.knowledge.relevance;
