package org.onenumber.ops.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;

/**
 * A synthetic city day: a non-homogeneous Poisson process over 24 hours whose busiest hour carries
 * a given share of the day (10% by default; Seoul 120 peaks 09–10 and 13–15). Given the total N,
 * the arrival instants of a Poisson process are independent draws from its normalised intensity,
 * so the generator:
 *
 * <ol>
 *   <li>scales the hourly profile so that the peak hour has exactly the busy-hour share and the
 *       other hours share the rest in proportion to the profile;
 *   <li>draws each arrival's hour from those shares and a uniform instant inside the hour;
 *   <li>draws channel, language and topic from fixed mixes (other languages than Korean come by
 *       voice or chat, the channels every language queue serves) and the citizen from a pool a
 *       third the size of the day, so repeats happen;
 *   <li>sorts by instant.
 * </ol>
 *
 * Deterministic for a given random generator.
 */
public final class PoissonCityDay {

  /** Relative volume per hour of a one-number city line, 00–01 to 23–24. */
  static final double[] PROFILE = {
    0.6, 0.4, 0.3, 0.3, 0.3, 0.5, 1.0, 2.0, 4.0, 6.0, 5.6, 5.2, 4.0, 5.0, 5.4, 5.0, 4.6, 4.0, 3.0, 2.4,
    2.0, 1.6, 1.2, 0.8};
  private static final Channel[] CHANNELS = {Channel.VOICE, Channel.CHAT, Channel.SMS, Channel.WEB_FORM};
  private static final double[] CHANNEL_MIX = {0.70, 0.15, 0.10, 0.05};
  private static final String[] LANGUAGES = {"ko", "en", "zh", "vi", "ja"};
  private static final double[] LANGUAGE_MIX = {0.92, 0.04, 0.02, 0.01, 0.01};
  private static final String[][] TOPICS = {
    {"버스 운행", "transport"}, {"수도 누수", "water"}, {"대형폐기물", "waste"}, {"도로 파손", "roads"},
    {"불법 주정차", "traffic-parking"}, {"층간 소음", "environment"}, {"지방세 납부", "tax"},
    {"기초연금 문의", "welfare"}, {"주민등록 등본", "civil-registry"}, {"공원 시설", "parks"}};

  private PoissonCityDay() {}

  /** Hour shares after scaling; the maximum equals {@code busyHourShare}. */
  static double[] hourShares(double busyHourShare) {
    if (!(busyHourShare > 1.0 / 24) || !(busyHourShare < 1)) {
      throw new InvalidInputException("busy-hour share must be between 1/24 and 1, got " + busyHourShare);
    }
    int peak = 0;
    for (int h = 1; h < 24; h++) {
      peak = PROFILE[h] > PROFILE[peak] ? h : peak;
    }
    double rest = Arrays.stream(PROFILE).sum() - PROFILE[peak];
    double[] shares = new double[24];
    for (int h = 0; h < 24; h++) {
      shares[h] = h == peak ? busyHourShare : (1 - busyHourShare) * PROFILE[h] / rest;
    }
    return shares;
  }

  public static List<Arrival> generate(RandomGenerator random, int contacts, double busyHourShare) {
    if (contacts < 0) {
      throw new InvalidInputException("contacts must be ≥ 0, got " + contacts);
    }
    double[] hours = hourShares(busyHourShare);
    int citizens = Math.max(1, contacts / 3);
    List<Arrival> arrivals = new ArrayList<>(contacts);
    for (int i = 0; i < contacts; i++) {
      int hour = pick(random, hours);
      long offset = hour * 3_600_000L + random.nextLong(3_600_000L);
      String language = LANGUAGES[pick(random, LANGUAGE_MIX)];
      String[] topic = TOPICS[random.nextInt(TOPICS.length)];
      Channel channel = CHANNELS[pick(random, CHANNEL_MIX)];
      if (!language.equals("ko")) {
        channel = random.nextInt(5) == 0 ? Channel.CHAT : Channel.VOICE;
      }
      arrivals.add(new Arrival(offset, channel, language, topic[0], topic[1],
          "citizen-" + random.nextInt(citizens)));
    }
    arrivals.sort(Comparator.comparingLong(Arrival::offsetMillis));
    return arrivals;
  }

  private static int pick(RandomGenerator random, double[] weights) {
    double u = random.nextDouble();
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      if (u < sum) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
