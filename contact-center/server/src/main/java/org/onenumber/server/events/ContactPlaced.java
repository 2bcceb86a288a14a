package org.onenumber.server.events;

import java.time.Instant;

/**
 * A contact's place became known after intake (an Open311 request's {@code lat}/{@code long}),
 * published in-process as a Micronaut application event so the emerging-issue fold can count the
 * contact in its hotspot cell and area. Not a domain event: nothing is journaled.
 */
public record ContactPlaced(String contact, Instant contactCreatedAt, double latitude, double longitude, Instant at) {}
