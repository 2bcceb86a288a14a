package org.onenumber.telephony.asterisk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.in.ServeSelf;
import org.onenumber.core.selfservice.SelfServiceAnswer;
import org.onenumber.core.selfservice.SelfServiceTopic;

/**
 * The recordings the Asterisk topic menu ({@link TopicMenu}) plays, generated from the self-service
 * topics and their answers' text, so that a city knows what to record and, when a topic or an
 * answer changes, which files to record again. For each citizen language with topics:
 *
 * <ol>
 *   <li>{@code onenumber/<lang>/topic-menu}: the topics' titles with their digits, then "0 for an
 *       operator", in that language (the frame sentences below);
 *   <li>{@code onenumber/<lang>/answer-<key>}: per topic, the answer's title and text as the
 *       Twilio carrier reads them.
 * </ol>
 *
 * Each recording carries a fingerprint of its text (the first 16 hex digits of its SHA-256): a
 * recording made from an older text has another fingerprint and must be recorded again. The fixed
 * prompts ({@code after-answer} …) are listed in {@code telephony/asterisk/sounds/README.md}.
 */
public final class TopicPrompts {

  /** One file to record: where Asterisk looks for it (without extension), its words and their fingerprint. */
  public record Recording(String file, String language, String text, String fingerprint) {}

  /** Per language: the menu's frame ({@code %s} the topics) and one topic ({@code %1$s} title, {@code %2$s} digit). */
  private static final Map<String, String[]> FRAMES = Map.of(
      "ko", new String[] {"자주 묻는 질문의 답은 번호를 누르세요. %s. 상담원 연결은 0번을 누르세요.", "%1$s %2$s번", ", "},
      "en", new String[] {"For answers to common questions: %s. For an operator press 0.", "%1$s press %2$s", ", "},
      "zh", new String[] {"常见问题解答：%s。人工服务请按0。", "%1$s请按%2$s", "，"},
      "ja", new String[] {"よくあるご質問：%s。オペレーターは0を押してください。", "%1$sは%2$sを", "、"},
      "vi", new String[] {"Câu trả lời cho các câu hỏi thường gặp: %s. Để gặp nhân viên, bấm 0.", "%1$s bấm %2$s", ", "},
      "mn", new String[] {"Түгээмэл асуултын хариулт: %s. Ажилтантай ярих бол 0 дарна уу.", "%1$s бол %2$s", ", "});

  private TopicPrompts() {}

  /** Every recording the topic menu needs now, by language then file. */
  public static List<Recording> of(ServeSelf serve) {
    List<Recording> all = new ArrayList<>();
    for (Language language : Prompt.LANGUAGES) {
      List<String> items = new ArrayList<>();
      List<Recording> answers = new ArrayList<>();
      String[] frame = FRAMES.get(language.code());
      for (SelfServiceTopic topic : serve.topics(language)) {
        Optional<SelfServiceAnswer> answer = serve.answer(topic.digit(), language);
        if (answer.isEmpty()) {
          continue;
        }
        items.add(String.format(frame[1], answer.get().title(), topic.digit()));
        answers.add(recording(Prompt.answerFile(topic.key(), language), language,
            answer.get().title() + ". " + answer.get().text()));
      }
      if (!items.isEmpty()) {
        all.add(recording(Prompt.TOPIC_MENU.file(language), language,
            String.format(frame[0], String.join(frame[2], items))));
        all.addAll(answers);
      }
    }
    return List.copyOf(all);
  }

  private static Recording recording(String file, Language language, String text) {
    return new Recording(file, language.code(), text, fingerprint(text));
  }

  static String fingerprint(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
