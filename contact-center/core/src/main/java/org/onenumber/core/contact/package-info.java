/**
 * A {@link Contact} is one conversation on one channel: a voice call, an SMS or WhatsApp thread,
 * a web chat, a sign-language video call, a web form, an e-mail. Its lifecycle is the state
 * machine in {@link ContactState}:
 *
 * <pre>
 * created ─► queued ─► offered ─► connected ─► wrap-up ─► closed
 *               ▲  │        │        │  ▲
 *               └──┼────────┘        ▼  │
 *                  │               held─┘ (held may also close: a caller hanging up on hold)
 *                  ├─► abandoned   (citizen gave up)
 *                  ├─► callback-requested ─► queued / offered
 *                  ├─► transferred ─► queued / offered
 *                  └─► overflowed  ─► queued (another queue) / offered
 * </pre>
 *
 * Every step is kept with its instant ({@link ContactStep}), so every service-level variant can
 * be recomputed from raw facts.
 */
package org.onenumber.core.contact;
