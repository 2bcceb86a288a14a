package org.onenumber.core.messaging;

import java.util.Map;
import org.onenumber.core.directory.Language;

/**
 * The fixed sentences the city sends citizens on its own (keyword replies, the case number), in
 * the six languages of the citizen channels: Korean, English, Chinese, Japanese, Vietnamese and
 * Mongolian. Any other language gets English. {@code {0}} is replaced by the argument.
 */
public final class CitizenTexts {

  /** What is being said. */
  public enum Text {
    STOPPED,
    STARTED,
    HELP,
    CASE_OPENED
  }

  private static final Map<Text, Map<String, String>> TEXTS = Map.of(
      Text.STOPPED, Map.of(
          "ko", "OneNumber 문자 수신이 중지되었습니다. 다시 받으려면 START를 보내 주세요.",
          "en", "You are unsubscribed from OneNumber messages. Reply START to resubscribe.",
          "zh", "您已退订 OneNumber 短信。回复 START 可重新订阅。",
          "ja", "OneNumber のメッセージ配信を停止しました。再開するには START と返信してください。",
          "vi", "Bạn đã hủy nhận tin nhắn OneNumber. Trả lời START để đăng ký lại.",
          "mn", "Та OneNumber мессежээс татгалзлаа. Дахин авахын тулд START гэж хариулна уу."),
      Text.STARTED, Map.of(
          "ko", "OneNumber 문자 수신이 다시 시작되었습니다. 중지하려면 STOP을 보내 주세요.",
          "en", "You are resubscribed to OneNumber messages. Reply STOP to unsubscribe.",
          "zh", "您已重新订阅 OneNumber 短信。回复 STOP 可退订。",
          "ja", "OneNumber のメッセージ配信を再開しました。停止するには STOP と返信してください。",
          "vi", "Bạn đã đăng ký lại tin nhắn OneNumber. Trả lời STOP để hủy.",
          "mn", "Та OneNumber мессежийг дахин авч эхэллээ. Зогсоохын тулд STOP гэж хариулна уу."),
      Text.HELP, Map.of(
          "ko", "OneNumber 시민 상담입니다. 문의 내용을 보내 주시면 상담원이 답합니다. 수신 중지: STOP",
          "en", "OneNumber city line: text your question and an operator will answer. Reply STOP to unsubscribe.",
          "zh", "OneNumber 市民热线：发送您的问题，客服将为您解答。回复 STOP 退订。",
          "ja", "OneNumber 市民相談窓口です。ご質問を送信するとオペレーターが回答します。停止は STOP。",
          "vi", "Đường dây OneNumber: hãy nhắn câu hỏi, nhân viên sẽ trả lời. Trả lời STOP để hủy.",
          "mn", "OneNumber иргэдийн утас: асуултаа бичиж илгээвэл ажилтан хариулна. Зогсоох: STOP."),
      Text.CASE_OPENED, Map.of(
          "ko", "접수번호 {0}(으)로 담당 부서에 전달되었습니다.",
          "en", "Your request was passed to the department. Your case number is {0}.",
          "zh", "您的请求已转交相关部门，案件编号为 {0}。",
          "ja", "ご依頼は担当部署に引き継がれました。受付番号は {0} です。",
          "vi", "Yêu cầu của bạn đã được chuyển đến phòng ban. Mã hồ sơ của bạn là {0}.",
          "mn", "Таны хүсэлтийг хэлтэст шилжүүллээ. Таны хэргийн дугаар {0}."));

  private CitizenTexts() {}

  public static String of(Text text, Language language, String argument) {
    Map<String, String> byLanguage = TEXTS.get(text);
    String template = byLanguage.getOrDefault(language.code(), byLanguage.get("en"));
    return argument == null ? template : template.replace("{0}", argument);
  }
}
