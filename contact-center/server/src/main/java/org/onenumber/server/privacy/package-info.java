/**
 * Privacy of citizens' data over time (issue 12, items 2 and 5): {@link
 * org.onenumber.server.privacy.RetentionSweep} removes or anonymises what is older than its retention
 * period (messages, transcripts, the audit trail) and {@link org.onenumber.server.privacy.RecordRetention}
 * the same for notes, domain event payloads and Open311 requests, {@link
 * org.onenumber.server.privacy.WelfareRetention} anonymises seniors who left the welfare program, {@link
 * org.onenumber.server.privacy.CitizenErasure} carries out a citizen's erasure request,
 * and {@link org.onenumber.server.privacy.AccessHistory} shows a citizen who looked at their record in
 * a form safe to hand to them. All of them keep anonymous statistics (contacts, their steps and service
 * levels) and the audit chain intact.
 */
package org.onenumber.server.privacy;
