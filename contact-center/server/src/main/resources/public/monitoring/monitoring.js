// The citizen monitoring member's own page: sign in with the member's login (role MONITOR), see
// the mileage points earned and the observations filed with their decisions, and file a new one
// (GET /api/v1/monitoring/me, POST /api/v1/monitoring/me/observations), optionally about one of the
// open reform tasks (GET /api/v1/monitoring/me/tasks: id, title, type). Nothing of other citizens
// or members is ever asked for. In the six citizen languages (ko en zh ja vi mn).
'use strict';

const TEXT = {
  ko: {
    title: '시민 모니터링', 'lang-label': '언어', logout: '로그아웃', intro: '모니터링 위원 계정으로 로그인하세요.',
    'username-label': '아이디', 'password-label': '비밀번호', signin: '로그인', 'points-label': '마일리지',
    'text-label': '관찰한 내용 (개선 과제의 현장 변화 등)', file: '제출', 'mine-title': '내 관찰 기록',
    'th-when': '제출일', 'th-text': '내용', 'th-status': '상태', 'th-points': '마일리지',
    none: '아직 제출한 관찰이 없습니다.', welcome: '{name} 위원님, 안녕하세요', filed: '제출했습니다. 검토 후 마일리지가 적립됩니다.',
    failed: '로그인 실패: 아이디와 비밀번호를 확인해 주세요.', notMember: '모니터링 위원 계정이 아닙니다.',
    empty: '관찰한 내용을 입력해 주세요.',
    'task-label': '관련 개선 과제 (선택)', 'task-none': '없음', status: { FILED: '검토 중', ACCEPTED: '채택', REJECTED: '미채택' }
  },
  en: {
    title: 'Citizen monitoring', 'lang-label': 'Language', logout: 'Sign out',
    intro: 'Sign in with your monitoring member account.', 'username-label': 'Username',
    'password-label': 'Password', signin: 'Sign in', 'points-label': 'Mileage points',
    'text-label': 'What you observed (e.g. a change a reform task made)', file: 'Send', 'mine-title': 'My observations',
    'th-when': 'Sent', 'th-text': 'Observation', 'th-status': 'Status', 'th-points': 'Points',
    none: 'You have not sent an observation yet.', welcome: 'Welcome, {name}',
    filed: 'Sent. Points are credited once it is reviewed.', failed: 'Sign-in failed: check your username and password.',
    notMember: 'This is not a monitoring member account.', empty: 'Please write what you observed.',
    'task-label': 'The reform task it is about (optional)', 'task-none': 'none',
    status: { FILED: 'under review', ACCEPTED: 'accepted', REJECTED: 'not accepted' }
  },
  zh: {
    title: '市民监督', 'lang-label': '语言', logout: '退出', intro: '请用监督员账号登录。', 'username-label': '用户名',
    'password-label': '密码', signin: '登录', 'points-label': '积分', 'text-label': '观察到的情况（如改进任务带来的变化）',
    file: '提交', 'mine-title': '我的观察记录', 'th-when': '提交日期', 'th-text': '内容', 'th-status': '状态', 'th-points': '积分',
    none: '您还没有提交观察。', welcome: '{name}，您好', filed: '已提交。审核后将发放积分。',
    failed: '登录失败：请检查用户名和密码。', notMember: '这不是监督员账号。', empty: '请填写观察到的情况。',
    'task-label': '相关改进任务（可选）', 'task-none': '无',
    status: { FILED: '审核中', ACCEPTED: '已采纳', REJECTED: '未采纳' }
  },
  ja: {
    title: '市民モニタリング', 'lang-label': '言語', logout: 'ログアウト', intro: 'モニタリング委員のアカウントでログインしてください。',
    'username-label': 'ユーザー名', 'password-label': 'パスワード', signin: 'ログイン', 'points-label': 'マイレージ',
    'text-label': '観察した内容（改善課題による現場の変化など）', file: '送信', 'mine-title': '私の観察記録',
    'th-when': '送信日', 'th-text': '内容', 'th-status': '状態', 'th-points': 'マイレージ',
    none: 'まだ観察を送信していません。', welcome: '{name}さん、こんにちは', filed: '送信しました。確認後にマイレージが付与されます。',
    failed: 'ログインに失敗しました。ユーザー名とパスワードを確認してください。', notMember: 'モニタリング委員のアカウントではありません。',
    empty: '観察した内容を入力してください。',
    'task-label': '関連する改善課題（任意）', 'task-none': 'なし', status: { FILED: '確認中', ACCEPTED: '採用', REJECTED: '不採用' }
  },
  vi: {
    title: 'Giám sát của người dân', 'lang-label': 'Ngôn ngữ', logout: 'Đăng xuất',
    intro: 'Đăng nhập bằng tài khoản thành viên giám sát.', 'username-label': 'Tên đăng nhập', 'password-label': 'Mật khẩu',
    signin: 'Đăng nhập', 'points-label': 'Điểm tích lũy', 'text-label': 'Điều bạn quan sát được (ví dụ thay đổi do một nhiệm vụ cải tiến)',
    file: 'Gửi', 'mine-title': 'Các quan sát của tôi', 'th-when': 'Ngày gửi', 'th-text': 'Nội dung', 'th-status': 'Trạng thái',
    'th-points': 'Điểm', none: 'Bạn chưa gửi quan sát nào.', welcome: 'Xin chào {name}',
    filed: 'Đã gửi. Điểm sẽ được cộng sau khi xem xét.', failed: 'Đăng nhập thất bại: hãy kiểm tra tên đăng nhập và mật khẩu.',
    notMember: 'Đây không phải tài khoản thành viên giám sát.', empty: 'Vui lòng viết điều bạn quan sát được.',
    'task-label': 'Nhiệm vụ cải tiến liên quan (không bắt buộc)', 'task-none': 'không có',
    status: { FILED: 'đang xem xét', ACCEPTED: 'được chấp nhận', REJECTED: 'không được chấp nhận' }
  },
  mn: {
    title: 'Иргэдийн хяналт', 'lang-label': 'Хэл', logout: 'Гарах', intro: 'Хяналтын гишүүний эрхээр нэвтэрнэ үү.',
    'username-label': 'Нэвтрэх нэр', 'password-label': 'Нууц үг', signin: 'Нэвтрэх', 'points-label': 'Урамшууллын оноо',
    'text-label': 'Ажигласан зүйл (шинэчлэлийн ажлын үр дүн гэх мэт)', file: 'Илгээх', 'mine-title': 'Миний ажиглалтууд',
    'th-when': 'Илгээсэн', 'th-text': 'Агуулга', 'th-status': 'Төлөв', 'th-points': 'Оноо',
    none: 'Та одоогоор ажиглалт илгээгээгүй байна.', welcome: 'Сайн байна уу, {name}',
    filed: 'Илгээлээ. Хянасны дараа оноо олгоно.', failed: 'Нэвтэрч чадсангүй: нэр, нууц үгээ шалгана уу.',
    notMember: 'Энэ нь хяналтын гишүүний эрх биш байна.', empty: 'Ажигласан зүйлээ бичнэ үү.',
    'task-label': 'Холбогдох шинэчлэлийн ажил (заавал биш)', 'task-none': 'байхгүй',
    status: { FILED: 'хянагдаж байна', ACCEPTED: 'хүлээн авсан', REJECTED: 'хүлээн аваагүй' }
  }
};
const TOKEN = 'onenumber.monitoring.token';
const LABELS = ['title', 'lang-label', 'logout', 'intro', 'username-label', 'password-label', 'signin', 'points-label',
  'text-label', 'task-label', 'file', 'mine-title', 'th-when', 'th-text', 'th-status', 'th-points', 'none'];

const LANG_KEY = 'onenumber.monitoring.lang';
let lang = LanguageSelect.start(LANG_KEY, TEXT);
let me = null;
const $ = id => document.getElementById(id);
const t = key => TEXT[lang][key];

function applyLanguage() {
  document.documentElement.lang = lang;
  LABELS.forEach(id => { $(id).textContent = t(id); });
  $('lang').value = lang;
  if (me) { show(me); showTasks(); }
}

function when(iso) {
  return new Date(iso).toLocaleString(LanguageSelect.locale(lang), { dateStyle: 'medium', timeStyle: 'short' });
}

function fail(message) {
  $('error').textContent = message;
  $('error').hidden = false;
}

async function call(method, path, body) {
  const res = await fetch(path, { method, body: body ? JSON.stringify(body) : undefined,
    headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN), 'Content-Type': 'application/json' } });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(answer.message || ('HTTP ' + res.status)), { status: res.status });
  return answer;
}

function show(view) {
  $('welcome').textContent = t('welcome').replace('{name}', view.name);
  $('points').textContent = view.balance;
  const tbody = document.querySelector('#mine tbody');
  tbody.replaceChildren(...view.observations.map(o => {
    const tr = document.createElement('tr');
    [when(o.filedAt), o.text, t('status')[o.status] || o.status, String(o.points)].forEach(text => {
      const td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    });
    return tr;
  }));
  $('none').hidden = view.observations.length > 0;
}

let tasks = [];

function showTasks() {
  const select = $('task');
  const chosen = select.value;
  const none = new Option(t('task-none'), '');
  select.replaceChildren(none, ...tasks.map(task => new Option(task.title, task.id)));
  select.value = tasks.some(task => task.id === chosen) ? chosen : '';
}

async function load(focus) {
  try {
    me = await call('GET', '/api/v1/monitoring/me');
    tasks = (await call('GET', '/api/v1/monitoring/me/tasks')).items;
  } catch (e) {
    sessionStorage.removeItem(TOKEN);
    signedOut();
    if (e.status === 403) fail(t('notMember'));
    return;
  }
  $('login').hidden = true;
  $('error').hidden = true;
  $('me').hidden = false;
  $('logout').hidden = false;
  show(me);
  showTasks();
  if (focus) $('welcome').focus();
}

function signedOut() {
  me = null;
  $('me').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
}

async function signIn(event) {
  event.preventDefault();
  const res = await fetch('/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: $('username').value, password: $('password').value }) });
  if (!res.ok) { fail(t('failed')); $('password').focus(); return; }
  const data = await res.json();
  sessionStorage.setItem(TOKEN, data.access_token);
  $('password').value = '';
  await load(true);
}

async function observe(event) {
  event.preventDefault();
  const text = $('text').value.trim();
  if (!text) { $('filed').textContent = t('empty'); $('text').focus(); return; }
  try {
    const task = $('task').value || undefined;
    await call('POST', '/api/v1/monitoring/me/observations', { text, task });
    $('text').value = '';
    $('task').value = '';
    await load(false);
    $('filed').textContent = t('filed');
  } catch (e) {
    $('filed').textContent = e.message;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  LanguageSelect.wire($('lang'), LANG_KEY, lang, code => { lang = code; applyLanguage(); });
  $('login').addEventListener('submit', signIn);
  $('observe').addEventListener('submit', observe);
  $('logout').addEventListener('click', () => {
    window.SessionRenewal?.logout(sessionStorage.getItem(TOKEN)); // ends the session on the server too
    sessionStorage.removeItem(TOKEN); signedOut(); $('username').focus();
  });
  applyLanguage();
  if (sessionStorage.getItem(TOKEN)) load(false);
});
