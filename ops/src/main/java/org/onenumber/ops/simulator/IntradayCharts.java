package org.onenumber.ops.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The intraday charts of a replayed day as plain SVG files (no script): offered, SL15, ASA and
 * abandonment per 15 minutes over the day, the simulator's line solid and the server's dashed, so
 * a reader sees where the two sides part. Written by {@code bin/simulate} when the environment
 * variable {@code SIMULATE_CHARTS_DIR} names a folder. Stateless.
 */
final class IntradayCharts {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 280;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 40;

  private IntradayCharts() {}

  /** One figure of a row for each side, its file name and its title. */
  record Figure(String file, String title, String unit, ToDoubleFunction<IntradayReport.Row> sim,
      ToDoubleFunction<IntradayReport.Row> server) {}

  static final List<Figure> FIGURES = List.of(
      new Figure("offered.svg", "Offered per 15 minutes", "contacts", IntradayReport.Row::offeredSim,
          IntradayReport.Row::offeredServer),
      new Figure("sl15.svg", "Service level per 15 minutes (answered within the queue's threshold)", "%",
          IntradayReport.Row::slSim, IntradayReport.Row::slServer),
      new Figure("asa.svg", "Average speed of answer per 15 minutes", "trace s", IntradayReport.Row::asaSim,
          IntradayReport.Row::asaServer),
      new Figure("abandonment.svg", "Abandonment per 15 minutes", "%", IntradayReport.Row::abandonSim,
          IntradayReport.Row::abandonServer));

  /** Writes the four charts into {@code dir} (created if missing); returns the files written. */
  static List<Path> write(Path dir, String caption, List<IntradayReport.Row> rows) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Figure f : FIGURES) {
      Path file = dir.resolve(f.file());
      Files.writeString(file, svg(f, caption, rows), StandardCharsets.UTF_8);
      written.add(file);
    }
    return written;
  }

  static String svg(Figure f, String caption, List<IntradayReport.Row> rows) {
    double max = niceCeiling(rows.stream().mapToDouble(r -> Math.max(finite(f.sim().applyAsDouble(r)),
        finite(f.server().applyAsDouble(r)))).max().orElse(1));
    StringBuilder s = new StringBuilder();
    String title = f.title() + " — " + caption;
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"t\" font-family=\"sans-serif\" font-size=\"11\">%n",
        WIDTH, HEIGHT, WIDTH, HEIGHT));
    s.append("<title id=\"t\">").append(escape(title)).append("</title>\n");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
        LEFT, escape(f.title())));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"30\" fill=\"#444\">%s</text>%n", LEFT, escape(caption)));
    for (int i = 0; i <= 4; i++) {
      double v = max * i / 4;
      double y = y(v, max);
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4,
          label(v)));
    }
    for (int h = 0; h <= 24; h += 3) {
      double x = x(h * 3600);
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%02d:00</text>%n", x, x, TOP, HEIGHT - BOTTOM, x,
          HEIGHT - BOTTOM + 14, h));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
        + "text-anchor=\"middle\">%s</text>%n", (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2, f.unit()));
    line(s, rows, f.sim(), max, "#1f5fa8", "");
    line(s, rows, f.server(), max, "#c0392b", " stroke-dasharray=\"5 3\"");
    int ly = HEIGHT - 8;
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#1f5fa8\" "
        + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">simulator (citizens)</text>%n", LEFT, LEFT + 24, ly - 4,
        ly - 4, LEFT + 30, ly));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#c0392b\" "
        + "stroke-width=\"2\" stroke-dasharray=\"5 3\"/><text x=\"%d\" y=\"%d\">server (day report)</text>%n",
        LEFT + 170, LEFT + 194, ly - 4, ly - 4, LEFT + 200, ly));
    return s.append("</svg>\n").toString();
  }

  /** One polyline per run of quarter hours with a value; a missing value breaks the line. */
  private static void line(StringBuilder s, List<IntradayReport.Row> rows, ToDoubleFunction<IntradayReport.Row> v,
      double max, String colour, String dash) {
    StringBuilder points = new StringBuilder();
    for (IntradayReport.Row r : rows) {
      double value = v.applyAsDouble(r);
      if (Double.isFinite(value)) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(r.at().toSecondOfDay() + 450), y(value, max)));
      } else {
        flush(s, points, colour, dash);
      }
    }
    flush(s, points, colour, dash);
  }

  private static void flush(StringBuilder s, StringBuilder points, String colour, String dash) {
    if (!points.isEmpty()) {
      s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"").append(dash)
          .append(" points=\"").append(points.toString().strip()).append("\"/>\n");
      points.setLength(0);
    }
  }

  private static double x(double secondOfDay) {
    return LEFT + (WIDTH - LEFT - RIGHT) * secondOfDay / 86_400;
  }

  private static double y(double value, double max) {
    return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / max;
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }

  /** The smallest 1, 2 or 5 × 10ⁿ at or above {@code v} (1 for nothing). */
  static double niceCeiling(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String label(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
