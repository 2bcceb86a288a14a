package org.onenumber.server.open311;

import java.time.Instant;

/** One row of {@code open311_request}: what the client sent, kept beside the case of the same id. */
public record StoredRequest(String serviceRequestId, String token, String clientId, String serviceCode, String contactId,
    Instant requestedAt, Double lat, Double lon, String address, String addressId, String description,
    String mediaUrl, String attributes) {}
