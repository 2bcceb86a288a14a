// The public case tracking page: case number + last four phone digits → status, public notes, dates,
// and the citizen's own photos (each fetched with the same proof, shown from a blob URL). A report's
// tracking link (/track/#token=…, from the /report/ page; the fragment never reaches the server's
// logs) looks the case up by its token instead. A resolved case's answer can be rated (rating.js).
// In the six citizen languages (ko en zh ja vi mn).
'use strict';

const TEXT = {
  ko: {
    title: '접수 조회', intro: '접수번호와 휴대전화 번호 끝 네 자리를 입력하세요.', 'number-label': '접수번호',
    'digits-label': '휴대전화 끝 네 자리', submit: '조회', 'result-title': '처리 상황', 'status-label': '상태',
    'opened-label': '접수일', 'due-label': '처리 예정일', 'steps-title': '진행 내역', 'lang-label': '언어',
    'photos-title': '첨부 사진', photo: '첨부 사진 {n}',
    notFound: '일치하는 접수 건이 없습니다. 번호와 네 자리를 확인해 주세요.',
    limited: '조회 요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.', invalid: '입력 내용을 확인해 주세요.',
    status: { OPEN: '접수', ACCEPTED: '담당 부서 확인', IN_PROGRESS: '처리 중', WAITING_ON_CITIZEN: '답변 요청',
      WAITING_ON_DEPARTMENT: '타 부서 협의 중', RESOLVED: '처리 완료', REJECTED: '처리 불가', REOPENED: '재접수',
      MERGED: '다른 접수 건과 병합', CLOSED: '종결' }
  },
  en: {
    title: 'Track your case', intro: 'Enter your case number and the last four digits of your phone number.',
    'number-label': 'Case number', 'digits-label': 'Last four digits of your phone', submit: 'Track',
    'result-title': 'Where your case is', 'status-label': 'Status', 'opened-label': 'Received',
    'due-label': 'Due', 'steps-title': 'Steps so far', 'lang-label': 'Language',
    'photos-title': 'Your photos', photo: 'Your photo {n}',
    notFound: 'No case matches this number and these digits. Please check them.',
    limited: 'Too many lookups. Please try again in a minute.', invalid: 'Please check what you entered.',
    status: { OPEN: 'received', ACCEPTED: 'accepted', IN_PROGRESS: 'in progress', WAITING_ON_CITIZEN: 'question for you',
      WAITING_ON_DEPARTMENT: 'waiting for another department', RESOLVED: 'resolved', REJECTED: 'not taken up',
      REOPENED: 'reopened', MERGED: 'merged with another case', CLOSED: 'closed' }
  },
  zh: {
    title: '查询受理进度', intro: '请输入受理编号和手机号码的后四位。', 'number-label': '受理编号',
    'digits-label': '手机号码后四位', submit: '查询', 'result-title': '处理进度', 'status-label': '状态',
    'opened-label': '受理日期', 'due-label': '预计处理日期', 'steps-title': '处理记录', 'lang-label': '语言',
    'photos-title': '您的照片', photo: '您的照片 {n}',
    notFound: '没有与该编号和后四位相符的受理记录，请核对。',
    limited: '查询次数过多，请稍后再试。', invalid: '请检查输入的内容。',
    status: { OPEN: '已受理', ACCEPTED: '负责部门已确认', IN_PROGRESS: '处理中', WAITING_ON_CITIZEN: '需要您的回复',
      WAITING_ON_DEPARTMENT: '正与其他部门协商', RESOLVED: '已处理', REJECTED: '无法处理', REOPENED: '重新受理',
      MERGED: '已与其他受理合并', CLOSED: '已结案' }
  },
  ja: {
    title: '受付状況の照会', intro: '受付番号と携帯電話番号の下4桁を入力してください。', 'number-label': '受付番号',
    'digits-label': '携帯電話番号の下4桁', submit: '照会', 'result-title': '処理状況', 'status-label': '状況',
    'opened-label': '受付日', 'due-label': '処理予定日', 'steps-title': 'これまでの経過', 'lang-label': '言語',
    'photos-title': 'お送りいただいた写真', photo: 'お送りいただいた写真 {n}',
    notFound: 'この番号と下4桁に一致する受付はありません。ご確認ください。',
    limited: '照会が多すぎます。しばらくしてからもう一度お試しください。', invalid: '入力内容をご確認ください。',
    status: { OPEN: '受付済み', ACCEPTED: '担当部署が確認', IN_PROGRESS: '対応中', WAITING_ON_CITIZEN: 'ご回答をお待ちしています',
      WAITING_ON_DEPARTMENT: '他部署と協議中', RESOLVED: '対応完了', REJECTED: '対応不可', REOPENED: '再受付',
      MERGED: '他の受付と統合', CLOSED: '終了' }
  },
  vi: {
    title: 'Tra cứu hồ sơ', intro: 'Nhập mã hồ sơ và bốn số cuối của số điện thoại di động.', 'number-label': 'Mã hồ sơ',
    'digits-label': 'Bốn số cuối điện thoại', submit: 'Tra cứu', 'result-title': 'Tình trạng xử lý',
    'status-label': 'Trạng thái', 'opened-label': 'Ngày tiếp nhận', 'due-label': 'Ngày dự kiến xong',
    'steps-title': 'Các bước đã thực hiện', 'lang-label': 'Ngôn ngữ', 'photos-title': 'Ảnh của bạn', photo: 'Ảnh của bạn {n}',
    notFound: 'Không có hồ sơ nào khớp với mã và bốn số này. Vui lòng kiểm tra lại.',
    limited: 'Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau một phút.', invalid: 'Vui lòng kiểm tra thông tin đã nhập.',
    status: { OPEN: 'đã tiếp nhận', ACCEPTED: 'bộ phận phụ trách đã xác nhận', IN_PROGRESS: 'đang xử lý',
      WAITING_ON_CITIZEN: 'cần bạn trả lời', WAITING_ON_DEPARTMENT: 'đang phối hợp với bộ phận khác', RESOLVED: 'đã xử lý xong',
      REJECTED: 'không thể xử lý', REOPENED: 'đã mở lại', MERGED: 'đã gộp với hồ sơ khác', CLOSED: 'đã đóng' }
  },
  mn: {
    title: 'Өргөдлийн явц шалгах', intro: 'Өргөдлийн дугаар болон гар утасны дугаарын сүүлийн дөрвөн оронг оруулна уу.',
    'number-label': 'Өргөдлийн дугаар', 'digits-label': 'Утасны сүүлийн дөрвөн орон', submit: 'Шалгах',
    'result-title': 'Шийдвэрлэлтийн явц', 'status-label': 'Төлөв', 'opened-label': 'Хүлээн авсан',
    'due-label': 'Шийдвэрлэх хугацаа', 'steps-title': 'Хийгдсэн алхмууд', 'lang-label': 'Хэл',
    'photos-title': 'Таны зургууд', photo: 'Таны зураг {n}',
    notFound: 'Энэ дугаар болон дөрвөн оронтой тохирох өргөдөл олдсонгүй. Дахин шалгана уу.',
    limited: 'Хэт олон удаа шалгалаа. Түр хүлээгээд дахин оролдоно уу.', invalid: 'Оруулсан мэдээллээ шалгана уу.',
    status: { OPEN: 'хүлээн авсан', ACCEPTED: 'хариуцсан хэлтэс баталгаажуулсан', IN_PROGRESS: 'шийдвэрлэж байна',
      WAITING_ON_CITIZEN: 'таны хариуг хүлээж байна', WAITING_ON_DEPARTMENT: 'өөр хэлтэстэй зөвшилцөж байна',
      RESOLVED: 'шийдвэрлэсэн', REJECTED: 'шийдвэрлэх боломжгүй', REOPENED: 'дахин нээсэн', MERGED: 'өөр өргөдөлтэй нэгтгэсэн',
      CLOSED: 'хаасан' }
  }
};

const LANG_KEY = 'onenumber.track.lang';
let lang = LanguageSelect.start(LANG_KEY, TEXT);
let last = null;
let proof = null;   // the number and digits that found the case, for its photos
const photoUrls = new Map();   // attachment id → blob URL

function t(key) { return TEXT[lang][key]; }

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const id of ['title', 'intro', 'number-label', 'digits-label', 'submit', 'result-title', 'status-label',
    'opened-label', 'due-label', 'steps-title', 'photos-title', 'lang-label']) {
    document.getElementById(id).textContent = t(id);
  }
  document.getElementById('lang').value = lang;
  if (last) { show(last); }
}

function when(iso) {
  return new Date(iso).toLocaleString(LanguageSelect.locale(lang), { dateStyle: 'medium', timeStyle: 'short' });
}

function show(view) {
  last = view;
  document.getElementById('status').textContent = t('status')[view.status] || view.status;
  document.getElementById('opened').textContent = when(view.openedAt);
  document.getElementById('due').textContent = when(view.dueAt);
  const steps = document.getElementById('steps');
  steps.replaceChildren(...view.steps.map(step => {
    const li = document.createElement('li');
    const head = document.createElement('strong');
    head.textContent = (t('status')[step.status] || step.status) + ' · ' + when(step.at);
    li.append(head);
    if (step.publicNote) {
      const note = document.createElement('p');
      note.textContent = step.publicNote;
      li.append(note);
    }
    return li;
  }));
  showPhotos(view.attachments || []);
  window.TrackRating.show(view, lang, proof, show);
  document.getElementById('result').hidden = false;
}

async function photoUrl(id) {
  if (!photoUrls.has(id)) {
    const response = await fetch('/api/v1/track/attachments/' + encodeURIComponent(id), { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(proof) });
    photoUrls.set(id, response.ok ? URL.createObjectURL(await response.blob()) : null);
  }
  return photoUrls.get(id);
}

async function showPhotos(attachments) {
  const list = document.getElementById('photos');
  document.getElementById('photos-section').hidden = attachments.length === 0;
  list.replaceChildren(...attachments.map((a, i) => {
    const li = document.createElement('li');
    const img = document.createElement('img');
    img.alt = t('photo').replace('{n}', String(i + 1)) + ' · ' + when(a.addedAt);
    img.dataset.id = a.id;
    li.append(img);
    return li;
  }));
  for (const img of list.querySelectorAll('img')) {
    const url = await photoUrl(img.dataset.id);
    if (url) img.src = url;
  }
}

function fail(message) {
  const error = document.getElementById('error');
  error.textContent = message;
  error.hidden = false;
  document.getElementById('result').hidden = true;
  last = null;
}

async function lookup(event) {
  event.preventDefault();
  await find({ caseNumber: document.getElementById('number').value.trim(),
    phoneLast4: document.getElementById('digits').value.trim() });
}

/** Looks the case up by number and digits, or by a report's tracking token (the link's #token=). */
async function find(body) {
  document.getElementById('error').hidden = true;
  const response = await fetch('/api/v1/track', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  if (response.ok) {
    proof = body;
    photoUrls.clear();
    show(await response.json());
  } else {
    fail(response.status === 404 ? t('notFound') : response.status === 429 ? t('limited') : t('invalid'));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('lookup').addEventListener('submit', lookup);
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) { find({ token }); }
  LanguageSelect.wire(document.getElementById('lang'), LANG_KEY, lang, code => { lang = code; applyLanguage(); });
  applyLanguage();
});
