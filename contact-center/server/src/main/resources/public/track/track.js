// The public case tracking page: case number + last four phone digits → status, public notes, dates,
// and the citizen's own photos (each fetched with the same proof, shown from a blob URL). A report's
// tracking link (/track/#token=…, from the /report/ page; the fragment never reaches the server's
// logs) looks the case up by its token instead.
'use strict';

const TEXT = {
  ko: {
    title: '접수 조회', intro: '접수번호와 휴대전화 번호 끝 네 자리를 입력하세요.', 'number-label': '접수번호',
    'digits-label': '휴대전화 끝 네 자리', submit: '조회', 'result-title': '처리 상황', 'status-label': '상태',
    'opened-label': '접수일', 'due-label': '처리 예정일', 'steps-title': '진행 내역', lang: 'English',
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
    'due-label': 'Due', 'steps-title': 'Steps so far', lang: '한국어',
    'photos-title': 'Your photos', photo: 'Your photo {n}',
    notFound: 'No case matches this number and these digits. Please check them.',
    limited: 'Too many lookups. Please try again in a minute.', invalid: 'Please check what you entered.',
    status: { OPEN: 'received', ACCEPTED: 'accepted', IN_PROGRESS: 'in progress', WAITING_ON_CITIZEN: 'question for you',
      WAITING_ON_DEPARTMENT: 'waiting for another department', RESOLVED: 'resolved', REJECTED: 'not taken up',
      REOPENED: 'reopened', MERGED: 'merged with another case', CLOSED: 'closed' }
  }
};

let lang = (navigator.language || 'ko').startsWith('ko') ? 'ko' : 'en';
let last = null;
let proof = null;   // the number and digits that found the case, for its photos
const photoUrls = new Map();   // attachment id → blob URL

function t(key) { return TEXT[lang][key]; }

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const id of ['title', 'intro', 'number-label', 'digits-label', 'submit', 'result-title', 'status-label',
    'opened-label', 'due-label', 'steps-title', 'photos-title', 'lang']) {
    document.getElementById(id).textContent = t(id);
  }
  document.getElementById('lang').lang = lang === 'ko' ? 'en' : 'ko';
  if (last) { show(last); }
}

function when(iso) {
  return new Date(iso).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
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
  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'ko' ? 'en' : 'ko';
    applyLanguage();
  });
  applyLanguage();
});
