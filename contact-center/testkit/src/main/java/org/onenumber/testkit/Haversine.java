package org.onenumber.testkit;

/** Great-circle distance on a sphere of the Earth's mean radius, for fakes and assertions. */
public final class Haversine {

  private static final double EARTH_RADIUS_METERS = 6_371_008.7714;

  private Haversine() {}

  public static double meters(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(a));
  }
}
