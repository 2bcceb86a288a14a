/**
 * Answers: the knowledge articles operators read out and departments keep current.
 *
 * <p>An {@link org.onenumber.core.knowledge.Answer} is an immutable record. Its {@link
 * org.onenumber.core.knowledge.ReviewStatus} moves along a small state machine:
 *
 * <pre>
 *   DRAFT ──submit──► IN_REVIEW ──publish──► PUBLISHED ──expire──► EXPIRED
 *     ▲                   │                      │                    │
 *     └─────reject────────┘◄──────reopen─────────┴────────────────────┘
 *   any state except ARCHIVED ──archive──► ARCHIVED (terminal)
 * </pre>
 *
 * Every change increases {@link org.onenumber.core.knowledge.Answer#version()} and is kept as an
 * {@link org.onenumber.core.knowledge.AnswerVersion} with its author and instant. The database is
 * the system of record ({@link org.onenumber.core.port.out.AnswerStore}); the search index ({@link
 * org.onenumber.core.port.out.AnswerIndex}) is derived and can be rebuilt from it at any time.
 * {@link org.onenumber.core.knowledge.AnswerDesk} implements the inbound use cases.
 */
package org.onenumber.core.knowledge;
