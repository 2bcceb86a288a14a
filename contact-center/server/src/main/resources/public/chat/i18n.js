// Every citizen-facing sentence of the web chat, in the six languages the city serves.
// {n}, {m} and {name} are filled in by text(). Keep the keys identical in every language.
export const LANGUAGES = [
  { code: 'ko', name: '한국어' },
  { code: 'en', name: 'English' },
  { code: 'zh', name: '中文' },
  { code: 'ja', name: '日本語' },
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'mn', name: 'Монгол' },
];

const TEXTS = {
  ko: {
    title: 'OneNumber 시민 채팅 상담', chooseLanguage: '상담 언어를 선택해 주세요', language: '언어',
    intro: '질문을 보내 주시면 상담원이 답해 드립니다.', messageLabel: '메시지', send: '보내기',
    waiting: '상담원 연결을 기다리고 있습니다.', position: '대기 순서 {n}번, 예상 대기 약 {m}분',
    connected: '{name} 상담원과 연결되었습니다.', typing: '상담원이 입력 중입니다…', you: '나',
    end: '상담 종료', ended: '상담이 종료되었습니다.', surveyTitle: '상담은 어떠셨나요?',
    satisfaction: '만족도', s1: '매우 불만족', s2: '불만족', s3: '보통', s4: '만족', s5: '매우 만족',
    resolvedQ: '문의하신 내용이 해결되었나요?', yes: '예', no: '아니요', submit: '제출',
    thanks: '소중한 의견 감사합니다.', transcript: '대화 내용 저장', reconnecting: '연결이 끊겼습니다. 다시 연결하는 중…',
    sending: '보내는 중', delivered: '전송됨', error: '문제가 발생했습니다. 잠시 후 다시 시도해 주세요.',
    log: '대화 내용', newChat: '새 상담 시작', videoCall: '수어 영상 상담',
  },
  en: {
    title: 'OneNumber city chat', chooseLanguage: 'Choose your language', language: 'Language',
    intro: 'Send your question and an operator will answer.', messageLabel: 'Message', send: 'Send',
    waiting: 'Waiting for an operator.', position: 'You are number {n} in line, about {m} min',
    connected: 'You are connected with {name}.', typing: 'The operator is typing…', you: 'You',
    end: 'End chat', ended: 'The chat has ended.', surveyTitle: 'How was your chat?',
    satisfaction: 'Satisfaction', s1: 'Very dissatisfied', s2: 'Dissatisfied', s3: 'Neutral', s4: 'Satisfied',
    s5: 'Very satisfied', resolvedQ: 'Was your question resolved?', yes: 'Yes', no: 'No', submit: 'Submit',
    thanks: 'Thank you for your feedback.', transcript: 'Download transcript',
    reconnecting: 'Connection lost. Reconnecting…', sending: 'Sending', delivered: 'Sent',
    error: 'Something went wrong. Please try again shortly.', log: 'Conversation', newChat: 'Start a new chat', videoCall: 'Video call in sign language',
  },
  zh: {
    title: 'OneNumber 市民在线咨询', chooseLanguage: '请选择咨询语言', language: '语言',
    intro: '请发送您的问题，客服将为您解答。', messageLabel: '消息', send: '发送',
    waiting: '正在等待客服接入。', position: '您前面还有 {n} 位，预计等待约 {m} 分钟',
    connected: '已为您接通客服 {name}。', typing: '客服正在输入…', you: '我',
    end: '结束咨询', ended: '咨询已结束。', surveyTitle: '您对本次咨询满意吗？',
    satisfaction: '满意度', s1: '非常不满意', s2: '不满意', s3: '一般', s4: '满意', s5: '非常满意',
    resolvedQ: '您的问题解决了吗？', yes: '是', no: '否', submit: '提交',
    thanks: '感谢您的反馈。', transcript: '下载聊天记录', reconnecting: '连接已断开，正在重新连接…',
    sending: '发送中', delivered: '已发送', error: '出现问题，请稍后再试。', log: '对话记录', newChat: '开始新的咨询', videoCall: '手语视频通话',
  },
  ja: {
    title: 'OneNumber 市民チャット相談', chooseLanguage: '相談する言語を選んでください', language: '言語',
    intro: 'ご質問を送信すると、オペレーターがお答えします。', messageLabel: 'メッセージ', send: '送信',
    waiting: 'オペレーターにおつなぎしています。', position: '順番は{n}番目、待ち時間は約{m}分です',
    connected: '{name} とつながりました。', typing: 'オペレーターが入力中です…', you: 'あなた',
    end: 'チャットを終了', ended: 'チャットは終了しました。', surveyTitle: '今回の相談はいかがでしたか？',
    satisfaction: '満足度', s1: 'とても不満', s2: '不満', s3: 'ふつう', s4: '満足', s5: 'とても満足',
    resolvedQ: 'ご質問は解決しましたか？', yes: 'はい', no: 'いいえ', submit: '送信する',
    thanks: 'ご意見ありがとうございました。', transcript: '会話記録をダウンロード',
    reconnecting: '接続が切れました。再接続しています…', sending: '送信中', delivered: '送信済み',
    error: '問題が発生しました。しばらくしてからもう一度お試しください。', log: '会話', newChat: '新しい相談を始める', videoCall: '手話ビデオ通話',
  },
  vi: {
    title: 'Trò chuyện với OneNumber', chooseLanguage: 'Chọn ngôn ngữ của bạn', language: 'Ngôn ngữ',
    intro: 'Hãy gửi câu hỏi, nhân viên sẽ trả lời bạn.', messageLabel: 'Tin nhắn', send: 'Gửi',
    waiting: 'Đang chờ nhân viên tư vấn.', position: 'Bạn đang ở vị trí {n}, chờ khoảng {m} phút',
    connected: 'Bạn đã được kết nối với {name}.', typing: 'Nhân viên đang nhập…', you: 'Bạn',
    end: 'Kết thúc trò chuyện', ended: 'Cuộc trò chuyện đã kết thúc.', surveyTitle: 'Bạn thấy cuộc trò chuyện thế nào?',
    satisfaction: 'Mức độ hài lòng', s1: 'Rất không hài lòng', s2: 'Không hài lòng', s3: 'Bình thường',
    s4: 'Hài lòng', s5: 'Rất hài lòng', resolvedQ: 'Câu hỏi của bạn đã được giải quyết chưa?', yes: 'Có',
    no: 'Không', submit: 'Gửi đánh giá', thanks: 'Cảm ơn ý kiến của bạn.', transcript: 'Tải nội dung trò chuyện',
    reconnecting: 'Mất kết nối. Đang kết nối lại…', sending: 'Đang gửi', delivered: 'Đã gửi',
    error: 'Đã xảy ra lỗi. Vui lòng thử lại sau.', log: 'Cuộc trò chuyện', newChat: 'Bắt đầu cuộc trò chuyện mới', videoCall: 'Gọi video bằng ngôn ngữ ký hiệu',
  },
  mn: {
    title: 'OneNumber иргэдийн чат', chooseLanguage: 'Хэлээ сонгоно уу', language: 'Хэл',
    intro: 'Асуултаа илгээвэл ажилтан хариулна.', messageLabel: 'Мессеж', send: 'Илгээх',
    waiting: 'Ажилтантай холбогдохыг хүлээж байна.', position: 'Та {n}-р дараалалд байна, ойролцоогоор {m} минут',
    connected: 'Та {name}-тай холбогдлоо.', typing: 'Ажилтан бичиж байна…', you: 'Та',
    end: 'Чат дуусгах', ended: 'Чат дууслаа.', surveyTitle: 'Үйлчилгээ ямар байсан бэ?',
    satisfaction: 'Сэтгэл ханамж', s1: 'Маш муу', s2: 'Муу', s3: 'Дунд зэрэг', s4: 'Сайн', s5: 'Маш сайн',
    resolvedQ: 'Таны асуулт шийдэгдсэн үү?', yes: 'Тийм', no: 'Үгүй', submit: 'Илгээх',
    thanks: 'Санал хүсэлтэд баярлалаа.', transcript: 'Чатын бичлэг татах',
    reconnecting: 'Холболт тасарлаа. Дахин холбогдож байна…', sending: 'Илгээж байна', delivered: 'Илгээсэн',
    error: 'Алдаа гарлаа. Түр хүлээгээд дахин оролдоно уу.', log: 'Яриа', newChat: 'Шинэ чат эхлүүлэх', videoCall: 'Дохионы хэлээр видео дуудлага',
  },
};

/** The sentence {@code key} in {@code lang} (English when missing), with {n}/{m}/{name} filled in. */
export function text(lang, key, values = {}) {
  const table = TEXTS[lang] || TEXTS.en;
  const template = table[key] ?? TEXTS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** The served language closest to the browser's, else Korean. */
export function browserLanguage() {
  const wanted = (navigator.language || 'ko').toLowerCase().split('-')[0];
  return LANGUAGES.some((l) => l.code === wanted) ? wanted : 'ko';
}

export const KEYS = Object.keys(TEXTS.en);
export const ALL = TEXTS;
