package org.onenumber.knowledge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.Audience;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.core.knowledge.ValidityPeriod;

/**
 * Builds the benchmark corpus deterministically.
 *
 * <ol>
 *   <li>Every shared FAQ answer as it is (real external ids), then every Korean base answer
 *       ({@code korean-answers.tsv}, external ids {@code ko-N}).
 *   <li>Then variants up to the wanted size: 7 of 10 from the FAQ, 3 of 10 from the Korean
 *       answers, cycling through the bases. Variant k of a base names a Seoul district in its title
 *       and category, rotates the body's sentences by k and adds a district sentence. Its
 *       external id is the base's followed by {@code ~k}, so relevance can credit the base.
 * </ol>
 */
final class BenchCorpus {

  static final String[] DISTRICTS_KO = {"종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구",
      "강북구", "도봉구", "노원구", "은평구", "서대문구", "마포구", "양천구", "강서구", "구로구", "금천구", "영등포구",
      "동작구", "관악구", "서초구", "강남구", "송파구", "강동구"};
  static final String[] DISTRICTS_EN = {"Jongno", "Jung", "Yongsan", "Seongdong", "Gwangjin", "Dongdaemun",
      "Jungnang", "Seongbuk", "Gangbuk", "Dobong", "Nowon", "Eunpyeong", "Seodaemun", "Mapo", "Yangcheon",
      "Gangseo", "Guro", "Geumcheon", "Yeongdeungpo", "Dongjak", "Gwanak", "Seocho", "Gangnam", "Songpa",
      "Gangdong"};
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private BenchCorpus() {}

  /** The external id a variant credits: the base's (everything before {@code ~}). */
  static String baseId(String externalId) {
    if (externalId == null) {
      return "";
    }
    int tilde = externalId.lastIndexOf('~');
    return tilde < 0 ? externalId : externalId.substring(0, tilde);
  }

  static List<AnswerContent> korean() {
    List<AnswerContent> out = new ArrayList<>();
    try (InputStream in = BenchCorpus.class.getResourceAsStream("korean-answers.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split("\t");
        out.add(new AnswerContent("ko-" + out.size(), p[0], p[1], Language.KOREAN, p[2], p[3], List.of(), List.of(),
            Audience.PUBLIC, ValidityPeriod.ALWAYS, null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<Answer> build(List<AnswerContent> faq, List<AnswerContent> korean, int size) {
    List<Answer> out = new ArrayList<>(size);
    for (AnswerContent c : faq) {
      out.add(answer(out.size(), c));
    }
    for (AnswerContent c : korean) {
      out.add(answer(out.size(), c));
    }
    int variant = 0;
    while (out.size() < size) {
      boolean useKorean = variant % 10 >= 7;
      List<AnswerContent> bases = useKorean ? korean : faq;
      AnswerContent base = bases.get((variant / (useKorean ? 3 : 7) + variant) % bases.size());
      out.add(answer(out.size(), variant(base, variant, useKorean)));
      variant++;
    }
    return out;
  }

  private static Answer answer(int n, AnswerContent c) {
    return new Answer(new AnswerId("bench-" + n), c, ReviewStatus.PUBLISHED, 1, "bench", AT);
  }

  private static AnswerContent variant(AnswerContent base, int k, boolean korean) {
    String district = korean ? DISTRICTS_KO[k % DISTRICTS_KO.length] : DISTRICTS_EN[k % DISTRICTS_EN.length];
    String title = korean ? base.title() + " (" + district + ")" : base.title() + " (" + district + " district)";
    String note = korean
        ? district + " 주민은 " + district + "청 민원실에서도 안내받을 수 있습니다."
        : "Residents of " + district + " can also ask at the " + district + " district office.";
    String body = rotateSentences(base.body(), k) + " " + note;
    return new AnswerContent(base.externalId() + "~" + k, title, body, base.language(), base.department(), district,
        base.keywords(), base.synonyms(), base.audience(), base.validity(), base.facility());
  }

  private static String rotateSentences(String body, int k) {
    String[] s = body.split("(?<=[.!?])\\s+");
    if (s.length < 2) {
      return body;
    }
    int shift = k % s.length;
    StringBuilder b = new StringBuilder(body.length() + 8);
    for (int i = 0; i < s.length; i++) {
      b.append(s[(i + shift) % s.length]).append(' ');
    }
    return b.toString().strip();
  }
}
