package org.onenumber.knowledge.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.onenumber.core.analytics.CategoryTree;
import org.onenumber.core.error.InvalidInputException;

/**
 * Labelled history for the classifier: the demo city's category tree and Korean messages (shipped
 * beside this class), and the NYC 311 open-data export, where the citizen's own words are not
 * published: a request's {@code descriptor} (the caller's chosen sub-type, e.g. "Loud
 * Music/Party") and {@code location_type} stand in for them, {@code complaint_type} is the label.
 */
public final class LabelledMessages {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private LabelledMessages() {}

  /** The demo city's category tree. */
  public static CategoryTree demoTaxonomy() {
    try (Reader in = resource("demo-taxonomy.tsv")) {
      return CategoryTree.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo city's labelled Korean messages ({@code label TAB text}). */
  public static List<LabelledMessage> demoKorean() {
    List<LabelledMessage> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(resource("demo-messages-ko.tsv"))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("label\t")) {
          continue;
        }
        String[] f = line.split("\t", 2);
        out.add(new LabelledMessage(f[0], f[1], null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The NYC 311 export in arrival order: label {@code complaint_type}, text the descriptor, plus
   * the location type when {@code withPlace}.
   */
  public static List<LabelledMessage> nyc311(Path csv, boolean withPlace) {
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      List<LabelledMessage> out = new ArrayList<>();
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        if (!r.isMapped("complaint_type") || !r.isMapped("descriptor") || !r.isMapped("created_date")) {
          throw new InvalidInputException("not a 311 export: complaint_type, descriptor, created_date needed");
        }
        String label = r.get("complaint_type");
        String text = r.get("descriptor") + (withPlace && r.isMapped("location_type") ? " " + r.get("location_type") : "");
        if (label.isBlank() || text.isBlank()) {
          continue;
        }
        out.add(new LabelledMessage(label, text.strip(),
            LocalDateTime.parse(r.get("created_date")).atZone(NEW_YORK).toInstant()));
      }
      out.sort(Comparator.comparing(LabelledMessage::at));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader resource(String name) {
    InputStream in = LabelledMessages.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing beside " + LabelledMessages.class.getName());
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
