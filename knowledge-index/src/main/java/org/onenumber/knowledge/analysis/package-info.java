/**
 * Text analysis per language: how titles, keywords and bodies become index terms, and how a query
 * becomes the same terms plus synonyms.
 *
 * <p>{@link org.onenumber.knowledge.analysis.LanguageAnalyzers} holds two analyzers per supported
 * language: an index analyzer and a query analyzer that adds the citizens' synonyms. Korean uses
 * Nori with a user dictionary of city terms ({@code ko-userdict.txt}); English uses Porter
 * stemming; Chinese and Japanese use CJK bigrams (measured against SmartCN and Kuromoji in
 * {@code CjkAnalysisChoiceTest}); German and Swedish light stemming; Polish, Vietnamese and
 * Mongolian standard tokenisation and lower case. Synonyms are data files beside this class
 * ({@code synonyms-en.txt}, {@code synonyms-ko.txt}).
 */
package org.onenumber.knowledge.analysis;
