// Every citizen-facing sentence of the call page, in the six languages the city serves (as /chat/).
// {n}, {m} and {name} are filled in by text(). Keep the keys identical in every language.
export { LANGUAGES, browserLanguage } from '/chat/i18n.js';

const TEXTS = {
  ko: {
    title: 'OneNumber 영상·음성 상담', language: '언어', chooseTitle: '어떻게 상담하시겠어요?',
    chooseIntro: '수어 통역 상담원과 영상으로, 또는 음성으로 상담할 수 있습니다.',
    sign: '수어 영상 상담', voice: '음성 통화',
    permissionTitle: '카메라와 마이크', permissionHelp: '상담하려면 카메라와 마이크 사용을 허용해 주세요.',
    step1: '주소창의 카메라 아이콘을 누르세요.', step2: '카메라와 마이크를 "허용"으로 바꾸세요.',
    step3: '아래 "다시 시도"를 누르세요.', noDevice: '카메라나 마이크를 찾을 수 없습니다. 연결을 확인해 주세요.',
    retry: '다시 시도', waiting: '상담원 연결을 기다리고 있습니다.', position: '대기 순서 {n}번, 예상 대기 약 {m}분',
    connected: '{name} 상담원과 연결되었습니다.', reconnecting: '연결이 끊겼습니다. 다시 연결하는 중…',
    peerLeft: '상담원 연결이 잠시 끊겼습니다. 기다려 주세요…', hangup: '전화 끊기', ended: '상담이 종료되었습니다.',
    again: '다시 상담하기', write: '기다리는 동안 글로 남기기', send: '보내기', you: '나', operator: '상담원',
    selfView: '내 화면', remoteView: '상담원 화면', inProgress: '이미 진행 중인 상담이 있습니다. 먼저 종료해 주세요.',
    error: '문제가 발생했습니다. 잠시 후 다시 시도해 주세요.', messages: '메시지',
  },
  en: {
    title: 'OneNumber video and voice calls', language: 'Language', chooseTitle: 'How would you like to call?',
    chooseIntro: 'Talk by video with an operator who signs, or call by voice.',
    sign: 'Video call in sign language', voice: 'Call by voice',
    permissionTitle: 'Camera and microphone', permissionHelp: 'To call, please allow the camera and microphone.',
    step1: 'Select the camera icon in the address bar.', step2: 'Change camera and microphone to "Allow".',
    step3: 'Press "Try again" below.', noDevice: 'No camera or microphone was found. Please check they are connected.',
    retry: 'Try again', waiting: 'Waiting for an operator.', position: 'You are number {n} in line, about {m} min',
    connected: 'You are connected with {name}.', reconnecting: 'Connection lost. Reconnecting…',
    peerLeft: 'The operator\'s connection dropped. Please wait…', hangup: 'Hang up', ended: 'The call has ended.',
    again: 'Call again', write: 'Write while you wait', send: 'Send', you: 'You', operator: 'Operator',
    selfView: 'You', remoteView: 'Operator', inProgress: 'You already have a call in progress. Please end it first.',
    error: 'Something went wrong. Please try again shortly.', messages: 'Messages',
  },
  zh: {
    title: 'OneNumber 视频和语音咨询', language: '语言', chooseTitle: '您想如何咨询？',
    chooseIntro: '可以与会手语的客服视频通话，也可以语音通话。',
    sign: '手语视频通话', voice: '语音通话',
    permissionTitle: '摄像头和麦克风', permissionHelp: '通话需要允许使用摄像头和麦克风。',
    step1: '点击地址栏中的摄像头图标。', step2: '将摄像头和麦克风改为"允许"。',
    step3: '点击下面的"重试"。', noDevice: '未找到摄像头或麦克风，请检查连接。',
    retry: '重试', waiting: '正在等待客服接入。', position: '您前面还有 {n} 位，预计等待约 {m} 分钟',
    connected: '已为您接通客服 {name}。', reconnecting: '连接已断开，正在重新连接…',
    peerLeft: '客服连接暂时中断，请稍候…', hangup: '挂断', ended: '通话已结束。',
    again: '再次通话', write: '等待时可以留言', send: '发送', you: '我', operator: '客服',
    selfView: '我的画面', remoteView: '客服画面', inProgress: '您已有正在进行的通话，请先结束。',
    error: '出现问题，请稍后再试。', messages: '消息',
  },
  ja: {
    title: 'OneNumber ビデオ・音声相談', language: '言語', chooseTitle: 'どの方法で相談しますか？',
    chooseIntro: '手話ができるオペレーターとビデオで、または音声で相談できます。',
    sign: '手話ビデオ通話', voice: '音声通話',
    permissionTitle: 'カメラとマイク', permissionHelp: '通話するには、カメラとマイクの使用を許可してください。',
    step1: 'アドレスバーのカメラのアイコンを選んでください。', step2: 'カメラとマイクを「許可」にしてください。',
    step3: '下の「もう一度試す」を押してください。', noDevice: 'カメラまたはマイクが見つかりません。接続を確認してください。',
    retry: 'もう一度試す', waiting: 'オペレーターにおつなぎしています。', position: '順番は{n}番目、待ち時間は約{m}分です',
    connected: '{name} とつながりました。', reconnecting: '接続が切れました。再接続しています…',
    peerLeft: 'オペレーターの接続が一時的に切れました。お待ちください…', hangup: '通話を終了', ended: '通話は終了しました。',
    again: 'もう一度かける', write: '待っている間に書く', send: '送信', you: 'あなた', operator: 'オペレーター',
    selfView: '自分の映像', remoteView: 'オペレーターの映像', inProgress: 'すでに通話中です。先に終了してください。',
    error: '問題が発生しました。しばらくしてからもう一度お試しください。', messages: 'メッセージ',
  },
  vi: {
    title: 'Gọi video và thoại OneNumber', language: 'Ngôn ngữ', chooseTitle: 'Bạn muốn gọi theo cách nào?',
    chooseIntro: 'Gọi video với nhân viên biết ngôn ngữ ký hiệu, hoặc gọi thoại.',
    sign: 'Gọi video bằng ngôn ngữ ký hiệu', voice: 'Gọi thoại',
    permissionTitle: 'Máy ảnh và micrô', permissionHelp: 'Để gọi, vui lòng cho phép dùng máy ảnh và micrô.',
    step1: 'Chọn biểu tượng máy ảnh trên thanh địa chỉ.', step2: 'Đổi máy ảnh và micrô thành "Cho phép".',
    step3: 'Nhấn "Thử lại" bên dưới.', noDevice: 'Không tìm thấy máy ảnh hoặc micrô. Vui lòng kiểm tra kết nối.',
    retry: 'Thử lại', waiting: 'Đang chờ nhân viên tư vấn.', position: 'Bạn đang ở vị trí {n}, chờ khoảng {m} phút',
    connected: 'Bạn đã được kết nối với {name}.', reconnecting: 'Mất kết nối. Đang kết nối lại…',
    peerLeft: 'Kết nối của nhân viên bị gián đoạn. Vui lòng chờ…', hangup: 'Kết thúc cuộc gọi',
    ended: 'Cuộc gọi đã kết thúc.', again: 'Gọi lại', write: 'Viết trong khi chờ', send: 'Gửi', you: 'Bạn',
    operator: 'Nhân viên', selfView: 'Hình của bạn', remoteView: 'Hình nhân viên',
    inProgress: 'Bạn đang có một cuộc gọi. Vui lòng kết thúc trước.', error: 'Đã xảy ra lỗi. Vui lòng thử lại sau.',
    messages: 'Tin nhắn',
  },
  mn: {
    title: 'OneNumber видео болон дуут дуудлага', language: 'Хэл', chooseTitle: 'Хэрхэн холбогдох вэ?',
    chooseIntro: 'Дохионы хэлтэй ажилтантай видеогоор, эсвэл дуугаар холбогдоно.',
    sign: 'Дохионы хэлээр видео дуудлага', voice: 'Дуут дуудлага',
    permissionTitle: 'Камер ба микрофон', permissionHelp: 'Дуудлага хийхийн тулд камер, микрофоныг зөвшөөрнө үү.',
    step1: 'Хаягийн мөр дэх камерын дүрсийг сонгоно уу.', step2: 'Камер, микрофоныг "Зөвшөөрөх" болгоно уу.',
    step3: 'Доорх "Дахин оролдох"-ыг дарна уу.', noDevice: 'Камер эсвэл микрофон олдсонгүй. Холболтоо шалгана уу.',
    retry: 'Дахин оролдох', waiting: 'Ажилтантай холбогдохыг хүлээж байна.',
    position: 'Та {n}-р дараалалд байна, ойролцоогоор {m} минут', connected: 'Та {name}-тай холбогдлоо.',
    reconnecting: 'Холболт тасарлаа. Дахин холбогдож байна…', peerLeft: 'Ажилтны холболт түр тасарлаа. Түр хүлээнэ үү…',
    hangup: 'Дуудлага дуусгах', ended: 'Дуудлага дууслаа.', again: 'Дахин залгах', write: 'Хүлээх зуураа бичих',
    send: 'Илгээх', you: 'Та', operator: 'Ажилтан', selfView: 'Таны дүрс', remoteView: 'Ажилтны дүрс',
    inProgress: 'Танд идэвхтэй дуудлага байна. Эхлээд түүнийг дуусгана уу.',
    error: 'Алдаа гарлаа. Түр хүлээгээд дахин оролдоно уу.', messages: 'Мессеж',
  },
};

/** The sentence {@code key} in {@code lang} (English when missing), with {n}/{m}/{name} filled in. */
export function text(lang, key, values = {}) {
  const table = TEXTS[lang] || TEXTS.en;
  const template = table[key] ?? TEXTS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

export const KEYS = Object.keys(TEXTS.en);
export const ALL = TEXTS;
