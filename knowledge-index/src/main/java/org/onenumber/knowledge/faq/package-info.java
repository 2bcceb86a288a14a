/**
 * Reading outside answer corpora. {@link org.onenumber.knowledge.faq.FaqTsvReader} reads the
 * {@code faq-tsv} format (the JHU COVID-QA scrape schema) into answer contents that the core's
 * {@code ImportAnswers} use case publishes.
 */
package org.onenumber.knowledge.faq;
