/**
 * The browser pages the server serves from {@code classpath:public}: the citizen web chat
 * ({@code /chat/}, plus {@code /chat/widget.js} to embed it in any site) and the operator console
 * ({@code /console/}). Plain ES modules, no build step; every page gets a strict Content Security
 * Policy (scripts only from this origin, no inline script). Every server-sent event stream beats
 * through {@link org.onenumber.server.web.EventStreamHeartbeat}: the comment {@code : ping N} when it
 * opens and every N seconds, which the pages' {@code ServerEvents} use to notice a silent stream.
 */
package org.onenumber.server.web;
