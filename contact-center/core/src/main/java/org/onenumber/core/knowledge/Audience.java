package org.onenumber.core.knowledge;

/** Who may see an answer: operators only (internal guidance) or also the public (web, chatbot). */
public enum Audience {
  OPERATOR,
  PUBLIC
}
