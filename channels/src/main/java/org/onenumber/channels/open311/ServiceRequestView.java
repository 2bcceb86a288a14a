package org.onenumber.channels.open311;

import java.time.Instant;

/**
 * One service request as {@code GET requests} returns it. Optional fields are null when unknown.
 *
 * @param status {@code open} or {@code closed}
 * @param agencyResponsible the department the case is with
 * @param updatedAt the last change of status (for a closed request, when it was closed)
 * @param expectedAt the case's due date
 */
public record ServiceRequestView(String serviceRequestId, String status, String statusNotes, String serviceName,
    String serviceCode, String description, String agencyResponsible, String serviceNotice, Instant requestedAt,
    Instant updatedAt, Instant expectedAt, String address, String addressId, String zipcode, Double lat, Double lon,
    String mediaUrl) {

  /** The GeoReport status of a OneNumber case status name: the ended ones are {@code closed}. */
  public static String statusOf(String caseStatus) {
    return switch (caseStatus) {
      case "RESOLVED", "REJECTED", "CLOSED", "MERGED" -> "closed";
      default -> "open";
    };
  }
}
