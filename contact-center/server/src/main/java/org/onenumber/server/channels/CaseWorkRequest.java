package org.onenumber.server.channels;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every case action; each action reads the fields it names and ignores the rest.
 *
 * @param version the case version the caller read (required): a newer one answers 409
 * @param note the internal note, staff only
 * @param publicNote what the citizen is told and the tracking page shows
 * @param question accepted by {@code questions}: sent to the citizen on their channel
 * @param status accepted by {@code status}: IN_PROGRESS, WAITING_ON_DEPARTMENT, WAITING_ON_CITIZEN, REJECTED or CLOSED
 * @param department accepted by {@code reassign}: the department's id
 * @param reason accepted by {@code reassign} and {@code reopen}
 * @param publicAnswer accepted by {@code resolve}: the answer the citizen receives
 * @param into accepted by {@code merge}: the case this one duplicates
 * @param welfareOutcome accepted by {@code resolve} and by {@code status} to CLOSED, required there for a
 *     welfare case (until it has one): VISIT_MADE, SENIOR_SAFE, EMERGENCY_SERVICES, HOSPITALISED or OTHER
 */
@Serdeable
record CaseWorkRequest(Integer version, String note, String publicNote, String question, String status,
    String department, String reason, String publicAnswer, String into, String welfareOutcome) {}
