package org.onenumber.core.messaging;

import java.util.Map;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.directory.Language;

/**
 * What a citizen is sent when their case changes: {@code [number] status: public note}, with the
 * status in the six languages of the citizen channels (English for any other).
 */
public final class CaseTexts {

  private static final Map<CaseStatus, Map<String, String>> STATUS = Map.of(
      CaseStatus.OPEN, Map.of("ko", "접수", "en", "received", "zh", "已受理", "ja", "受付", "vi", "đã tiếp nhận",
          "mn", "хүлээн авсан"),
      CaseStatus.ACCEPTED, Map.of("ko", "담당 부서 확인", "en", "accepted", "zh", "已接手", "ja", "担当部署が確認",
          "vi", "đã nhận xử lý", "mn", "хүлээн зөвшөөрсөн"),
      CaseStatus.IN_PROGRESS, Map.of("ko", "처리 중", "en", "in progress", "zh", "处理中", "ja", "対応中",
          "vi", "đang xử lý", "mn", "шийдвэрлэж байна"),
      CaseStatus.WAITING_ON_CITIZEN, Map.of("ko", "답변 요청", "en", "question for you", "zh", "需要您的回复",
          "ja", "ご回答のお願い", "vi", "cần bạn trả lời", "mn", "танаас асуулт"),
      CaseStatus.WAITING_ON_DEPARTMENT, Map.of("ko", "타 부서 협의 중", "en", "waiting for another department",
          "zh", "等待其他部门", "ja", "他部署と調整中", "vi", "chờ phòng ban khác", "mn", "өөр хэлтсийг хүлээж байна"),
      CaseStatus.RESOLVED, Map.of("ko", "처리 완료", "en", "resolved", "zh", "已解决", "ja", "対応完了",
          "vi", "đã giải quyết", "mn", "шийдвэрлэсэн"),
      CaseStatus.REJECTED, Map.of("ko", "처리 불가", "en", "not taken up", "zh", "无法受理", "ja", "対応不可",
          "vi", "không thể xử lý", "mn", "хүлээн аваагүй"),
      CaseStatus.REOPENED, Map.of("ko", "재접수", "en", "reopened", "zh", "已重新受理", "ja", "再受付",
          "vi", "đã mở lại", "mn", "дахин нээсэн"),
      CaseStatus.MERGED, Map.of("ko", "다른 접수 건과 병합", "en", "merged with another case", "zh", "已与其他案件合并",
          "ja", "他の受付と統合", "vi", "đã gộp với hồ sơ khác", "mn", "өөр хэрэгтэй нэгтгэсэн"),
      CaseStatus.CLOSED, Map.of("ko", "종결", "en", "closed", "zh", "已结案", "ja", "終了", "vi", "đã đóng",
          "mn", "хаасан"));

  private static final Map<String, String> RATING_QUESTION = Map.of(
      "ko", "답변에 얼마나 만족하셨나요? 1(매우 불만족)~5(매우 만족) 숫자로 답해 주세요. 의견은 숫자 뒤에 적어 주세요.",
      "en", "How satisfied are you with this answer? Reply 1 (very dissatisfied) to 5 (very satisfied),"
          + " a comment after the number if you wish.",
      "zh", "您对这个答复满意吗？请回复1（非常不满意）到5（非常满意），可在数字后附上意见。",
      "ja", "この回答にどのくらい満足されましたか。1（とても不満）～5（とても満足）の数字でご返信ください。ご意見は数字の後にどうぞ。",
      "vi", "Bạn hài lòng với câu trả lời này đến mức nào? Hãy trả lời từ 1 (rất không hài lòng) đến 5"
          + " (rất hài lòng), có thể ghi ý kiến sau con số.",
      "mn", "Энэ хариултад хэр сэтгэл хангалуун байна вэ? 1 (маш муу)-ээс 5 (маш сайн) хүртэл тоогоор"
          + " хариулна уу, санал байвал тооны дараа бичнэ үү.");

  private CaseTexts() {}

  /** The question sent with a resolution: the citizen's rating of the answer (1–5, a comment after it). */
  public static String ratingQuestion(Language language) {
    return RATING_QUESTION.getOrDefault(language == null ? "en" : language.code(), RATING_QUESTION.get("en"));
  }

  /** The status as the citizen reads it. */
  public static String status(CaseStatus status, Language language) {
    Map<String, String> byLanguage = STATUS.get(status);
    return byLanguage.getOrDefault(language == null ? "en" : language.code(), byLanguage.get("en"));
  }

  /** {@code [C-…] status: note}, or without the note when there is none. */
  public static String update(String caseNumber, CaseStatus status, String publicNote, Language language) {
    String head = "[" + caseNumber + "] " + status(status, language);
    return publicNote == null ? head : head + ": " + publicNote;
  }
}
