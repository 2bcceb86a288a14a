package org.onenumber.telephony.twilio;

import java.util.Map;
import org.onenumber.core.directory.Language;

/**
 * What the Twilio IVR says, by prompt and language (ko, en, zh, ja, vi, mn; any other language gets
 * Korean, the city's default). {@code {0}} and {@code {1}} are replaced by the arguments. The
 * language menu is spoken in every language, each in its own, so a caller hears their option in a
 * language they understand.
 */
public final class VoicePrompts {

  /** What is being said. */
  public enum Prompt {
    /** "For Korean, press 1" in the menu language; {0} is the digit. */
    LANGUAGE_OPTION,
    /** "For a sign-language video call, press 7"; {0} is the digit. */
    SIGN_OPTION,
    /** After the language: callback option, or stay on the line. */
    OPTIONS,
    /** Position and estimated wait: {0} place in line, {1} minutes. */
    POSITION,
    /** Thanks for waiting, while no position is known yet. */
    WAIT,
    SIGN_LINK_SENT,
    CALLBACK_CONFIRMED,
    HOLD,
    TRANSFER,
    GOODBYE,
    /** To the operator when they answer: {0} the caller's language name. */
    WHISPER,
    /** To the operator placing a callback. */
    CALLBACK_WHISPER,
    /** The welfare check-in question: press 1 if well, 2 to talk to someone. */
    CHECK_IN,
    /** The senior is well: thanks and goodbye. */
    CHECK_IN_THANKS,
    /** The senior asked to talk: someone will call them shortly. */
    CHECK_IN_CALL_BACK,
    /** The senior asked to talk and stays on the line: please hold for someone. */
    CHECK_IN_HOLD,
    /** One topic of the self-service menu: {0} the answer's title, {1} the digit. */
    TOPIC_OPTION,
    /** The end of the topic menu: 0 or silence for an operator. */
    TOPIC_OPERATOR,
    /** After a self-service answer: 0 operator, 9 again, 8 by text, or hang up. */
    AFTER_ANSWER,
    ANSWER_TEXTED,
    ANSWER_NOT_TEXTED,
    /** The happy-call survey question: was the problem solved, press 1 (not at all) to 5 (completely). */
    HAPPY_CALL,
    /** The happy-call was answered: thanks and goodbye. */
    HAPPY_CALL_THANKS,
    /** A key that is no choice. */
    NOT_A_CHOICE,
    /** The call could not be taken in now (the database unavailable): please call again. */
    LINES_BUSY
  }

  private static final Map<Prompt, Map<String, String>> TEXTS = Map.ofEntries(
      Map.entry(Prompt.LANGUAGE_OPTION, Map.of(
          "ko", "한국어는 {0}번.",
          "en", "For English, press {0}.",
          "zh", "中文服务请按 {0}。",
          "ja", "日本語は {0} を押してください。",
          "vi", "Tiếng Việt, xin bấm phím {0}.",
          "mn", "Монгол хэлээр {0} дарна уу.")),
      Map.entry(Prompt.SIGN_OPTION, Map.of(
          "ko", "수어 영상 상담 링크를 문자로 받으시려면 {0}번을 눌러 주세요.",
          "en", "For a sign-language video call link by text message, press {0}.")),
      Map.entry(Prompt.OPTIONS, Map.of(
          "ko", "순서를 유지한 채 전화를 다시 받으시려면 1번을 누르세요. 상담원 연결을 원하시면 잠시 기다려 주세요.",
          "en", "To keep your place and be called back, press 1. Or stay on the line for an operator.",
          "zh", "如需保留您的排队位置并等待回电，请按 1。或请稍候，为您转接客服。",
          "ja", "順番を保ったまま折り返しのお電話をご希望の方は 1 を押してください。そのままお待ちいただくとオペレーターにおつなぎします。",
          "vi", "Để giữ chỗ và được gọi lại, xin bấm phím 1. Hoặc xin giữ máy để gặp nhân viên.",
          "mn", "Дараалалаа хадгалж буцааж залгуулах бол 1 дарна уу. Эсвэл ажилтантай холбогдохыг хүлээнэ үү.")),
      Map.entry(Prompt.POSITION, Map.of(
          "ko", "고객님의 대기 순서는 {0}번째이며, 예상 대기 시간은 약 {1}분입니다.",
          "en", "You are number {0} in line. The estimated wait is about {1} minutes.",
          "zh", "您前面排在第 {0} 位，预计等待约 {1} 分钟。",
          "ja", "現在 {0} 番目です。お待ち時間はおよそ {1} 分です。",
          "vi", "Quý khách đang ở vị trí số {0}. Thời gian chờ dự kiến khoảng {1} phút.",
          "mn", "Та дараалалд {0}-т байна. Хүлээх хугацаа ойролцоогоор {1} минут.")),
      Map.entry(Prompt.WAIT, Map.of(
          "ko", "잠시만 기다려 주시면 상담원을 연결해 드리겠습니다.",
          "en", "Thank you for waiting. An operator will be with you shortly.",
          "zh", "感谢您的耐心等待，客服将尽快为您服务。",
          "ja", "お待たせしております。まもなくオペレーターにおつなぎします。",
          "vi", "Cảm ơn quý khách đã chờ. Nhân viên sẽ sớm tiếp nhận cuộc gọi.",
          "mn", "Хүлээсэнд баярлалаа. Ажилтан удахгүй холбогдоно.")),
      Map.entry(Prompt.SIGN_LINK_SENT, Map.of(
          "ko", "수어 영상 상담 링크를 문자로 보내 드렸습니다. 감사합니다.",
          "en", "We have sent you a sign-language video call link by text message. Thank you.")),
      Map.entry(Prompt.CALLBACK_CONFIRMED, Map.of(
          "ko", "순서가 되면 이 번호로 전화 드리겠습니다. 감사합니다.",
          "en", "We will call you back on this number when it is your turn. Thank you.",
          "zh", "轮到您时，我们将回拨此号码。谢谢。",
          "ja", "順番になりましたらこの番号にお電話いたします。ありがとうございました。",
          "vi", "Chúng tôi sẽ gọi lại số này khi đến lượt quý khách. Xin cảm ơn.",
          "mn", "Таны ээлж ирэхэд энэ дугаар руу залгана. Баярлалаа.")),
      Map.entry(Prompt.HOLD, Map.of(
          "ko", "잠시만 기다려 주세요.",
          "en", "Please hold.",
          "zh", "请稍候。",
          "ja", "少々お待ちください。",
          "vi", "Xin vui lòng giữ máy.",
          "mn", "Түр хүлээнэ үү.")),
      Map.entry(Prompt.TRANSFER, Map.of(
          "ko", "담당 부서로 연결해 드리겠습니다.",
          "en", "We are transferring your call to the department.",
          "zh", "正在为您转接至相关部门。",
          "ja", "担当部署におつなぎします。",
          "vi", "Chúng tôi đang chuyển cuộc gọi đến phòng ban phụ trách.",
          "mn", "Таны дуудлагыг хариуцсан хэлтэст шилжүүлж байна.")),
      Map.entry(Prompt.CHECK_IN, Map.of(
          "ko", "안녕하세요, 시청 안부 전화입니다. 잘 지내시면 1번을, 상담을 원하시면 2번을 눌러 주세요.",
          "en", "Hello, this is the city calling to see how you are. If you are well, press 1. To talk to someone, press 2.",
          "zh", "您好，这是市政府的问候电话。如果您一切安好，请按 1。如需与工作人员通话，请按 2。",
          "ja", "こんにちは、市役所の安否確認のお電話です。お元気でしたら 1 を、お話をご希望でしたら 2 を押してください。",
          "vi", "Xin chào, đây là cuộc gọi hỏi thăm của thành phố. Nếu quý vị khỏe, xin bấm phím 1. Để nói chuyện với nhân viên, xin bấm phím 2.",
          "mn", "Сайн байна уу, хотын захиргаанаас эрүүл мэндийг тань лавлаж байна. Сайн байгаа бол 1, ярилцах бол 2 дарна уу.")),
      Map.entry(Prompt.HAPPY_CALL, Map.of(
          "ko", "안녕하세요, 120 다산콜재단입니다. 최근 문의하신 문제가 해결되셨나요? 전혀 아니면 1번, 완전히 해결되었으면 5번까지, 1번에서 5번 중에 눌러 주세요.",
          "en", "Hello, this is Seoul 120 calling about your recent call. Was your problem solved? Press 1 for not at all, up to 5 for completely.",
          "zh", "您好，这里是首尔120。关于您最近的来电，您的问题解决了吗？完全没有请按 1，完全解决请按 5，请在 1 到 5 之间选择。",
          "ja", "こんにちは、ソウル120です。先日のお問い合わせの件は解決しましたか。まったく解決していなければ 1、完全に解決していれば 5 まで、1 から 5 で押してください。",
          "vi", "Xin chào, đây là Seoul 120 gọi về cuộc gọi gần đây của quý vị. Vấn đề của quý vị đã được giải quyết chưa? Bấm 1 nếu hoàn toàn chưa, đến 5 nếu đã hoàn toàn giải quyết.",
          "mn", "Сайн байна уу, Сөүл 120 байна. Таны саяхны асуудал шийдэгдсэн үү? Огт үгүй бол 1, бүрэн шийдэгдсэн бол 5 хүртэл дарна уу.")),
      Map.entry(Prompt.HAPPY_CALL_THANKS, Map.of(
          "ko", "응답해 주셔서 감사합니다. 안녕히 계세요.",
          "en", "Thank you for your answer. Goodbye.",
          "zh", "感谢您的回答。再见。",
          "ja", "ご回答ありがとうございました。失礼いたします。",
          "vi", "Cảm ơn quý vị đã trả lời. Xin chào.",
          "mn", "Хариулсанд баярлалаа. Баяртай.")),
      Map.entry(Prompt.NOT_A_CHOICE, Map.of(
          "ko", "잘못 누르셨습니다.",
          "en", "Sorry, that is not a choice.",
          "zh", "抱歉，没有这个选项。",
          "ja", "申し訳ありません、その番号は選べません。",
          "vi", "Xin lỗi, đó không phải là lựa chọn hợp lệ.",
          "mn", "Уучлаарай, ийм сонголт байхгүй.")),
      Map.entry(Prompt.CHECK_IN_THANKS, Map.of(
          "ko", "감사합니다. 건강하게 지내세요. 안녕히 계세요.",
          "en", "Thank you. We are glad you are well. Goodbye.",
          "zh", "谢谢您。祝您身体健康，再见。",
          "ja", "ありがとうございます。どうぞお元気で。失礼いたします。",
          "vi", "Xin cảm ơn. Chúc quý vị luôn khỏe mạnh. Xin chào.",
          "mn", "Баярлалаа. Эрүүл энх байгаарай. Баяртай.")),
      Map.entry(Prompt.CHECK_IN_CALL_BACK, Map.of(
          "ko", "담당자가 곧 다시 전화드리겠습니다. 안녕히 계세요.",
          "en", "Someone from the city will call you back shortly. Goodbye.",
          "zh", "工作人员将很快给您回电。再见。",
          "ja", "担当者からまもなく折り返しお電話いたします。失礼いたします。",
          "vi", "Nhân viên thành phố sẽ sớm gọi lại cho quý vị. Xin chào.",
          "mn", "Ажилтан удахгүй эргэн залгах болно. Баяртай.")),
      Map.entry(Prompt.LINES_BUSY, Map.of(
          "ko", "지금은 모든 상담 회선이 통화 중입니다. 잠시 후 다시 걸어 주세요. 감사합니다.",
          "en", "All our lines are busy right now. Please call again in a few minutes. Thank you.",
          "zh", "目前所有线路繁忙，请稍后再拨。谢谢。",
          "ja", "ただいま回線が大変混み合っております。しばらくしてからおかけ直しください。",
          "vi", "Hiện tất cả các đường dây đều bận. Xin vui lòng gọi lại sau ít phút. Xin cảm ơn.",
          "mn", "Одоогоор бүх шугам завгүй байна. Хэдэн минутын дараа дахин залгана уу. Баярлалаа.")),
      Map.entry(Prompt.GOODBYE, Map.of(
          "ko", "이용해 주셔서 감사합니다.",
          "en", "Thank you for calling.",
          "zh", "感谢您的来电。",
          "ja", "お電話ありがとうございました。",
          "vi", "Cảm ơn quý khách đã gọi.",
          "mn", "Залгасанд баярлалаа.")),
      Map.entry(Prompt.CHECK_IN_HOLD, Map.of(
          "ko", "잠시만 기다려 주세요. 곧 담당자와 연결해 드리겠습니다.",
          "en", "Please stay on the line; someone will talk with you shortly.",
          "zh", "请不要挂机，工作人员将很快与您通话。",
          "ja", "そのままお待ちください。まもなく担当者におつなぎします。",
          "vi", "Xin vui lòng giữ máy; nhân viên sẽ sớm nói chuyện với quý vị.",
          "mn", "Утсаа бүү салгаарай, ажилтан удахгүй тантай ярина.")),
      Map.entry(Prompt.TOPIC_OPTION, Map.of(
          "ko", "{0} 안내는 {1}번.",
          "en", "For {0}, press {1}.",
          "zh", "{0}，请按 {1}。",
          "ja", "{0} は {1} を押してください。",
          "vi", "{0}, xin bấm phím {1}.",
          "mn", "{0} бол {1} дарна уу.")),
      Map.entry(Prompt.TOPIC_OPERATOR, Map.of(
          "ko", "상담원 연결은 0번을 누르시거나 잠시 기다려 주세요.",
          "en", "For an operator, press 0 or stay on the line.",
          "zh", "人工客服请按 0 或请稍候。",
          "ja", "オペレーターをご希望の方は 0 を押すか、そのままお待ちください。",
          "vi", "Để gặp nhân viên, xin bấm phím 0 hoặc giữ máy.",
          "mn", "Ажилтантай холбогдох бол 0 дарах эсвэл хүлээнэ үү.")),
      Map.entry(Prompt.AFTER_ANSWER, Map.of(
          "ko", "상담원 연결은 0번, 다시 들으시려면 9번, 문자로 받으시려면 8번을 누르세요. 끝내시려면 전화를 끊으세요.",
          "en", "To talk to an operator, press 0. To hear it again, press 9. To get it by text message, press 8. Or hang up.",
          "zh", "人工客服请按 0，重听请按 9，以短信接收请按 8，或直接挂机。",
          "ja", "オペレーターは 0、もう一度お聞きになるには 9、ショートメッセージで受け取るには 8 を押してください。終了するには電話をお切りください。",
          "vi", "Để gặp nhân viên, bấm phím 0. Để nghe lại, bấm phím 9. Để nhận bằng tin nhắn, bấm phím 8. Hoặc gác máy.",
          "mn", "Ажилтан бол 0, дахин сонсох бол 9, мессежээр авах бол 8 дарна уу. Эсвэл утсаа тавина уу.")),
      Map.entry(Prompt.ANSWER_TEXTED, Map.of(
          "ko", "안내 내용을 문자로 보내 드렸습니다.",
          "en", "We have sent the answer to your phone by text message.",
          "zh", "我们已通过短信将内容发送到您的手机。",
          "ja", "ご案内の内容をショートメッセージでお送りしました。",
          "vi", "Chúng tôi đã gửi nội dung qua tin nhắn đến điện thoại của quý khách.",
          "mn", "Мэдээллийг таны утас руу мессежээр илгээлээ.")),
      Map.entry(Prompt.ANSWER_NOT_TEXTED, Map.of(
          "ko", "이 번호로는 문자를 보낼 수 없습니다.",
          "en", "We could not send a text message to this number.",
          "zh", "无法向此号码发送短信。",
          "ja", "この番号にはショートメッセージを送信できませんでした。",
          "vi", "Chúng tôi không thể gửi tin nhắn đến số này.",
          "mn", "Энэ дугаар руу мессеж илгээж чадсангүй.")),
      Map.entry(Prompt.WHISPER, Map.of(
          "ko", "원넘버 상담 전화, {0}.",
          "en", "OneNumber call, {0}.")),
      Map.entry(Prompt.CALLBACK_WHISPER, Map.of(
          "ko", "예약 콜백입니다. 시민에게 연결합니다.",
          "en", "Callback: connecting you to the citizen.")));

  private VoicePrompts() {}

  /** The sentence for {@code prompt} in {@code language} (Korean when there is none in it). */
  public static String text(Prompt prompt, Language language, Object... arguments) {
    Map<String, String> byLanguage = TEXTS.get(prompt);
    String text = byLanguage.getOrDefault(language.code(), byLanguage.get("ko"));
    for (int i = 0; i < arguments.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
    }
    return text;
  }

  /** True when the prompt has its own sentence in {@code language} (not the Korean fallback). */
  public static boolean has(Prompt prompt, Language language) {
    return TEXTS.get(prompt).containsKey(language.code());
  }
}
