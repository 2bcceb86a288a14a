// Supervisors' SMS campaigns over /api/v1/campaigns: compose (audience, text, send time, throughput
// limit), preview (how many citizens, never who), schedule, and every campaign's delivery figures
// (sent, delivered, failed, skipped because of STOP), refreshed on demand. Uses the wallboard's
// login; texts are set with textContent only. Korean and English, as the wallboard.
(function () {
  'use strict';
  const TEXTS = {
    ko: {
      title: '문자 캠페인', wallboard: '현황판', compose: '새 캠페인', name: '이름', audience: '대상',
      seniors: '구별 홀몸 어르신 (문자 동의자)', openCases: '분야별 진행 중 민원의 시민', value: '구 또는 분야',
      valueHint: '예: Jongno-gu, 포트홀', text: '문자 내용', sendAt: '보낼 시각 (비우면 바로)', perSecond: '초당 발송 한도',
      preview: '미리 보기', send: '예약 발송', list: '캠페인과 발송 결과', refresh: '결과 새로 고침', state: '상태',
      recipients: '대상자', sent: '발송', delivered: '도착', failed: '실패', skipped: '수신 거부',
      previewResult: '대상자 {n}명. 보낼 문자: ', created: '캠페인을 예약했습니다.', switchTo: 'English',
      STATE_SCHEDULED: '예약', STATE_SENDING: '발송 중', STATE_DONE: '완료'
    },
    en: {
      title: 'SMS campaigns', wallboard: 'Wallboard', compose: 'New campaign', name: 'Name', audience: 'Audience',
      seniors: 'Seniors of a district (who agreed to texts)', openCases: 'Citizens with an open case in a category',
      value: 'District or category', valueHint: 'e.g. Jongno-gu, 포트홀', text: 'Message', sendAt: 'Send at (empty: now)',
      perSecond: 'Messages per second at most', preview: 'Preview', send: 'Schedule', list: 'Campaigns and delivery',
      refresh: 'Refresh figures', state: 'State', recipients: 'Recipients', sent: 'Sent', delivered: 'Delivered',
      failed: 'Failed', skipped: 'Skipped (STOP)', previewResult: '{n} recipients. The message: ',
      created: 'The campaign is scheduled.', switchTo: '한국어',
      STATE_SCHEDULED: 'scheduled', STATE_SENDING: 'sending', STATE_DONE: 'done'
    }
  };
  const $ = id => document.getElementById(id);
  const token = sessionStorage.getItem('onenumber.token');
  if (!token) { location.href = 'index.html'; return; }
  let lang = localStorage.getItem('onenumber.lang') || (navigator.language || 'ko').slice(0, 2);
  if (!TEXTS[lang]) lang = 'ko';
  let campaigns = [];
  const t = key => TEXTS[lang][key] || key;

  function applyTexts() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-c]').forEach(el => { el.textContent = t(el.dataset.c); });
    $('lang-toggle').textContent = t('switchTo');
    $('lang-toggle').lang = lang === 'ko' ? 'en' : 'ko';
    document.title = t('title') + ' — OneNumber';
    render();
  }

  async function call(method, path, body) {
    const res = await fetch(path, {method, headers: Object.assign({Authorization: 'Bearer ' + token,
      Accept: 'application/json'}, body ? {'Content-Type': 'application/json'} : {}),
      body: body ? JSON.stringify(body) : undefined});
    if (res.status === 401) { location.href = 'index.html'; throw new Error('signed out'); }
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new Error((data && data.message) || ('HTTP ' + res.status));
    return data;
  }

  function draft() {
    const sendAt = $('send-at').value ? new Date($('send-at').value).toISOString() : null;
    return {name: $('name').value.trim(), audience: $('audience').value, value: $('value').value.trim(),
      text: $('text').value, sendAt, perSecond: Number($('per-second').value)};
  }

  async function preview() {
    $('compose-error').textContent = '';
    try {
      const d = draft();
      const p = await call('POST', '/api/v1/campaigns/preview', {audience: d.audience, value: d.value, text: d.text});
      $('preview-result').textContent = t('previewResult').replace('{n}', String(p.recipients)) + p.sampleText;
    } catch (e) { $('compose-error').textContent = e.message; }
  }

  async function send(event) {
    event.preventDefault();
    $('compose-error').textContent = '';
    try {
      await call('POST', '/api/v1/campaigns', draft());
      $('preview-result').textContent = t('created');
      $('compose').reset();
      await load();
    } catch (e) { $('compose-error').textContent = e.message; }
  }

  function render() {
    document.querySelector('#campaigns tbody').replaceChildren(...campaigns.map(c => {
      const tr = document.createElement('tr');
      tr.dataset.id = c.id;
      const audience = (c.audience === 'seniors-of-district' ? t('seniors') : t('openCases')) + ': ' + c.value;
      const cells = [c.name, audience, new Date(c.sendAt).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB'),
        t('STATE_' + c.state), c.report.recipients, c.report.sent, c.report.delivered, c.report.failed, c.report.skipped];
      cells.forEach((text, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = String(text);
        tr.append(cell);
      });
      return tr;
    }));
  }

  async function load() {
    try {
      campaigns = await call('GET', '/api/v1/campaigns');
      $('list-error').textContent = '';
      render();
    } catch (e) { $('list-error').textContent = e.message; }
  }

  $('preview').addEventListener('click', preview);
  $('compose').addEventListener('submit', send);
  $('refresh').addEventListener('click', load);
  $('lang-toggle').addEventListener('click', () => {
    lang = lang === 'ko' ? 'en' : 'ko';
    localStorage.setItem('onenumber.lang', lang);
    applyTexts();
  });
  applyTexts();
  load();
})();
