package org.onenumber.core.knowledge;

import org.onenumber.core.error.InvalidInputException;

/**
 * A place an answer is about (a community centre, a testing site, a recycling yard), for the
 * "nearest facility" search.
 *
 * @param type a short kind such as {@code community-center}, used as a filter
 */
public record Facility(double latitude, double longitude, String address, String openingHours, String type) {

  public Facility {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new InvalidInputException("facility location out of range: " + latitude + "," + longitude);
    }
    InvalidInputException.requireText(type, "facility type");
    address = address == null ? "" : address;
    openingHours = openingHours == null ? "" : openingHours;
  }
}
