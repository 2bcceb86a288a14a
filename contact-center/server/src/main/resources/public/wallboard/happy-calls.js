// The Happy-call page for supervisors, over /api/v1/happy-calls: the results of the surveys due in
// the last 7 days (sent, answered, answer rate, average score), the answers per score 1-5 as a bar
// chart and the same table, and the follow-up tasks opened by low scores (contact id, score, time;
// nobody named). Uses the wallboard's login; texts are set with textContent only. Korean and English.
(function () {
  'use strict';
  const TEXTS = {
    ko: {
      title: '해피콜 만족도 조사', wallboard: '현황판', results: '최근 7일 결과', refresh: '새로 고침',
      scores: '점수별 응답', chartCaption: '점수(1–5)별 응답 수', score: '점수', answers: '응답',
      followUps: '후속 조치 (낮은 점수)', contact: '상담 번호', openedAt: '생성 시각', none: '없음',
      switchTo: 'English', surveys: '조사 대상', waiting: '발송 대기', sent: '발송', answered: '응답',
      skipped: '건너뜀 (번호 없음, 수신 거부 등)', answeredPercent: '응답률', averageScore: '평균 점수'
    },
    en: {
      title: 'Happy-call surveys', wallboard: 'Wallboard', results: 'Last 7 days', refresh: 'Refresh',
      scores: 'Answers per score', chartCaption: 'Answers per score (1–5)', score: 'Score', answers: 'Answers',
      followUps: 'Follow-up tasks (low scores)', contact: 'Contact', openedAt: 'Opened', none: 'none',
      switchTo: '한국어', surveys: 'Surveys', waiting: 'Waiting to be sent', sent: 'Sent', answered: 'Answered',
      skipped: 'Skipped (no phone, STOP, …)', answeredPercent: 'Answered %', averageScore: 'Average score'
    }
  };
  const FIGURES = ['surveys', 'waiting', 'sent', 'answered', 'skipped', 'answeredPercent', 'averageScore'];
  const $ = id => document.getElementById(id);
  const token = sessionStorage.getItem('onenumber.token');
  if (!token) { location.href = 'index.html'; return; }
  let lang = localStorage.getItem('onenumber.lang') || (navigator.language || 'ko').slice(0, 2);
  if (!TEXTS[lang]) lang = 'ko';
  let summary = null;
  let followUps = [];
  const t = key => TEXTS[lang][key] || key;
  const cell = text => Object.assign(document.createElement('td'), {textContent: text});

  async function call(path) {
    const res = await fetch(path, {headers: {Authorization: 'Bearer ' + token, Accept: 'application/json'}});
    if (res.status === 401) { location.href = 'index.html'; throw new Error('signed out'); }
    const data = await res.json();
    if (!res.ok) throw new Error(data.message || ('HTTP ' + res.status));
    return data;
  }

  function row(header, ...values) {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('th'), {scope: 'row', textContent: header}), ...values.map(cell));
    return tr;
  }

  function render() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-h]').forEach(el => { el.textContent = t(el.dataset.h); });
    $('lang-toggle').textContent = t('switchTo');
    $('lang-toggle').lang = lang === 'ko' ? 'en' : 'ko';
    document.title = t('title') + ' — OneNumber';
    if (summary) {
      document.querySelector('#results tbody').replaceChildren(...FIGURES.map(k => row(t(k),
        k === 'answeredPercent' ? summary[k].toFixed(1) + '%' : k === 'averageScore' ? summary[k].toFixed(2)
          : String(summary[k]))));
      document.querySelector('#scores tbody').replaceChildren(...summary.scores.map((n, i) => row(String(i + 1),
        String(n))));
      OneNumberBars.draw($('score-chart'), summary.scores.map((n, i) => ({label: t('score') + ' ' + (i + 1),
        value: n, text: String(n)})), Math.max(1, ...summary.scores), 90);
    }
    document.querySelector('#follow-ups tbody').replaceChildren(...followUps.map(f => row(f.contactId,
      String(f.score), new Date(f.openedAt).toLocaleString(lang))));
    $('follow-ups-empty').hidden = followUps.length > 0;
  }

  async function load() {
    try {
      summary = await call('/api/v1/happy-calls/summary?days=7');
      followUps = await call('/api/v1/happy-calls/follow-ups?limit=100');
      $('results-error').textContent = '';
    } catch (e) { $('results-error').textContent = e.message; }
    render();
  }

  $('refresh').addEventListener('click', load);
  $('lang-toggle').addEventListener('click', () => {
    lang = lang === 'ko' ? 'en' : 'ko';
    localStorage.setItem('onenumber.lang', lang);
    render();
  });
  render();
  load();
})();
