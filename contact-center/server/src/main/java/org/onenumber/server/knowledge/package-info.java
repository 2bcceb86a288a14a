/**
 * Wiring of the knowledge base: {@link org.onenumber.server.knowledge.KnowledgeFactory} builds the
 * Lucene answer index (under {@code onenumber.data-dir}) and the core's answer use cases on the
 * JDBC store; {@link org.onenumber.server.knowledge.AnswerIndexKeeper} rebuilds the index from the
 * database when it starts empty or when asked, expires answers past their validity every minute,
 * and tracks import progress.
 */
package org.onenumber.server.knowledge;
