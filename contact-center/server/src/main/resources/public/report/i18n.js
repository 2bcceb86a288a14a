// Every citizen-facing sentence of the report form, in the six languages the city serves.
// {n} is filled in by text(). Keep the keys identical in every language.
// The six languages and their names: the chat's list (the call page shares it too).
export { LANGUAGES } from '/chat/i18n.js';

const TEXTS = {
  ko: {
    title: 'OneNumber 민원 신고', language: '언어', intro: '불편 사항을 알려 주시면 담당 부서로 바로 전달됩니다.',
    service: '분야', chooseService: '분야를 선택해 주세요', description: '내용', where: '위치',
    address: '주소 또는 장소 설명', mapHint: '지도를 눌러 위치를 고르거나, 화살표 키로 지도를 옮긴 뒤 아래 버튼을 누르세요.',
    useCentre: '지도 가운데를 위치로 사용', picked: '선택한 위치: {n}', photo: '사진 링크 (https://…)',
    submit: '신고하기', sending: '보내는 중…', doneTitle: '접수되었습니다', doneText: '접수 번호로 처리 상황을 확인하실 수 있습니다.',
    again: '새 신고', needService: '분야를 선택해 주세요.', needLocation: '주소를 입력하거나 지도에서 위치를 골라 주세요.',
    error: '접수하지 못했습니다: {n}',
    photoFile: '사진 첨부 (JPEG·PNG·GIF·WebP, 5MB 이하)', phone: '휴대전화 번호 (선택: 끝 네 자리로 처리 상황을 확인할 수 있습니다)',
    photoTooLarge: '사진은 5MB 이하여야 합니다.',
    trackLink: '처리 상황 보기 (이 링크를 보관하세요)',
  },
  en: {
    title: 'OneNumber: report a problem', language: 'Language', intro: 'Tell us what is wrong and it goes straight to the department in charge.',
    service: 'Category', chooseService: 'Choose a category', description: 'Description', where: 'Where is it?',
    address: 'Address or description of the place', mapHint: 'Click the map to pick the place, or move the map with the arrow keys and press the button below.',
    useCentre: "Use the map's centre", picked: 'Place picked: {n}', photo: 'Photo link (https://…)',
    submit: 'Send report', sending: 'Sending…', doneTitle: 'Thank you, we have your report', doneText: 'Use this number to follow your report.',
    again: 'New report', needService: 'Please choose a category.', needLocation: 'Please type an address or pick the place on the map.',
    error: 'The report was not filed: {n}',
    photoFile: 'Photo (JPEG, PNG, GIF or WebP, up to 5 MB)', phone: 'Phone number (optional: its last four digits let you follow your report)',
    photoTooLarge: 'The photo must be 5 MB or smaller.',
    trackLink: 'Follow your report (keep this link)',
  },
  zh: {
    title: 'OneNumber 问题报告', language: '语言', intro: '请告诉我们问题所在，我们会直接转交主管部门。',
    service: '类别', chooseService: '请选择类别', description: '内容', where: '地点',
    address: '地址或地点说明', mapHint: '点击地图选择地点，或用方向键移动地图后按下面的按钮。',
    useCentre: '使用地图中心作为地点', picked: '已选地点：{n}', photo: '照片链接 (https://…)',
    submit: '提交报告', sending: '正在提交…', doneTitle: '已受理', doneText: '请用此编号查询处理进度。',
    again: '新报告', needService: '请选择类别。', needLocation: '请输入地址或在地图上选择地点。',
    error: '未能受理：{n}',
    photoFile: '照片（JPEG、PNG、GIF 或 WebP，不超过 5 MB）', phone: '手机号码（选填：凭后四位可查询处理进度）',
    photoTooLarge: '照片不能超过 5 MB。',
    trackLink: '查看处理进度（请保存此链接）',
  },
  ja: {
    title: 'OneNumber 通報フォーム', language: '言語', intro: 'お困りの点をお知らせください。担当部署に直接届きます。',
    service: '分野', chooseService: '分野を選んでください', description: '内容', where: '場所',
    address: '住所または場所の説明', mapHint: '地図をクリックして場所を選ぶか、矢印キーで地図を動かして下のボタンを押してください。',
    useCentre: '地図の中心を場所にする', picked: '選んだ場所：{n}', photo: '写真のリンク (https://…)',
    submit: '通報する', sending: '送信中…', doneTitle: '受け付けました', doneText: 'この番号で対応状況を確認できます。',
    again: '新しい通報', needService: '分野を選んでください。', needLocation: '住所を入力するか、地図で場所を選んでください。',
    error: '受け付けられませんでした：{n}',
    photoFile: '写真（JPEG・PNG・GIF・WebP、5MB まで）', phone: '電話番号（任意：下4桁で対応状況を確認できます）',
    photoTooLarge: '写真は 5MB 以下にしてください。',
    trackLink: '対応状況を見る（このリンクを保存してください）',
  },
  vi: {
    title: 'OneNumber: báo cáo sự cố', language: 'Ngôn ngữ', intro: 'Hãy cho chúng tôi biết vấn đề, báo cáo sẽ được chuyển thẳng đến cơ quan phụ trách.',
    service: 'Lĩnh vực', chooseService: 'Chọn lĩnh vực', description: 'Nội dung', where: 'Ở đâu?',
    address: 'Địa chỉ hoặc mô tả địa điểm', mapHint: 'Nhấn vào bản đồ để chọn địa điểm, hoặc dùng phím mũi tên di chuyển bản đồ rồi nhấn nút bên dưới.',
    useCentre: 'Dùng tâm bản đồ làm địa điểm', picked: 'Địa điểm đã chọn: {n}', photo: 'Liên kết ảnh (https://…)',
    submit: 'Gửi báo cáo', sending: 'Đang gửi…', doneTitle: 'Đã tiếp nhận', doneText: 'Dùng số này để theo dõi báo cáo của bạn.',
    again: 'Báo cáo mới', needService: 'Vui lòng chọn lĩnh vực.', needLocation: 'Vui lòng nhập địa chỉ hoặc chọn địa điểm trên bản đồ.',
    error: 'Chưa gửi được: {n}',
    photoFile: 'Ảnh (JPEG, PNG, GIF hoặc WebP, tối đa 5 MB)', phone: 'Số điện thoại (không bắt buộc: bốn số cuối giúp bạn theo dõi báo cáo)',
    photoTooLarge: 'Ảnh phải nhỏ hơn hoặc bằng 5 MB.',
    trackLink: 'Theo dõi báo cáo (hãy lưu liên kết này)',
  },
  mn: {
    title: 'OneNumber: асуудал мэдээлэх', language: 'Хэл', intro: 'Асуудлаа бичнэ үү, хариуцсан газарт шууд хүргэгдэнэ.',
    service: 'Ангилал', chooseService: 'Ангилал сонгоно уу', description: 'Агуулга', where: 'Хаана?',
    address: 'Хаяг эсвэл газрын тайлбар', mapHint: 'Газрын зураг дээр дарж байршлаа сонгоно уу, эсвэл сумтай товчоор зургийг хөдөлгөөд доорх товчийг дарна уу.',
    useCentre: 'Зургийн төвийг байршил болгох', picked: 'Сонгосон байршил: {n}', photo: 'Зургийн холбоос (https://…)',
    submit: 'Илгээх', sending: 'Илгээж байна…', doneTitle: 'Хүлээн авлаа', doneText: 'Энэ дугаараар явцыг шалгана уу.',
    again: 'Шинэ мэдээлэл', needService: 'Ангилал сонгоно уу.', needLocation: 'Хаяг бичих эсвэл газрын зураг дээр байршил сонгоно уу.',
    error: 'Илгээж чадсангүй: {n}',
    photoFile: 'Зураг (JPEG, PNG, GIF эсвэл WebP, 5 MB хүртэл)', phone: 'Утасны дугаар (заавал биш: сүүлийн дөрвөн оронгоор явцыг шалгана)',
    photoTooLarge: 'Зураг 5 MB-аас ихгүй байх ёстой.',
    trackLink: 'Явцыг харах (энэ холбоосыг хадгална уу)',
  },
};

/** The sentence {@code key} in {@code lang} (Korean when missing), with {n} filled in. */
export function text(lang, key, n) {
  const s = (TEXTS[lang] || TEXTS.ko)[key] || TEXTS.ko[key];
  return n === undefined ? s : s.replace('{n}', n);
}

/** The first of the six languages the browser prefers, else Korean. */
export function preferred() {
  for (const l of navigator.languages || [navigator.language || 'ko']) {
    const code = l.toLowerCase().split('-')[0];
    if (TEXTS[code]) return code;
  }
  return 'ko';
}
