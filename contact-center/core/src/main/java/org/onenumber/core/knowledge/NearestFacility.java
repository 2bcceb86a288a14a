package org.onenumber.core.knowledge;

/** A facility found near a point, with the answer that describes it. */
public record NearestFacility(AnswerId answerId, String title, Facility facility, double distanceMeters) {}
