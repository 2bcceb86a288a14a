/**
 * The search benchmark ({@code bin/bench search}): builds a 100,000-answer corpus from the shared
 * COVID FAQ corpus and Korean answers written for it ({@link
 * org.onenumber.knowledge.bench.BenchCorpus}), loads it into {@code LuceneAnswerIndex} and into
 * PostgreSQL full-text search ({@link org.onenumber.knowledge.bench.PostgresFts}), runs the same
 * fixed 2–4-word English and Korean queries single- and multi-client against both, measures
 * edit-to-visible time and MRR@10 on the development set, and prints a table and a {@code RESULT}
 * line ({@link org.onenumber.knowledge.bench.SearchBench}).
 */
package org.onenumber.knowledge.bench;
