// The welfare program's page for welfare supervisors, over /api/v1/welfare: today's figures, the
// per-district figures of the last 7 days (a bar chart of reached % and the same as a table), the
// escalations of the last 7 days (each senior listed is audited by the server; the id opens the
// card), the preview calls waiting for an operator, a senior's card (every look audited by the server), and
// the registry's CSV import with its report (check only, or store: all rows or none). Uses the
// wallboard's login; texts are set with textContent only. Korean and English, as the wallboard.
(function () {
  'use strict';
  const TEXTS = {
    ko: {
      title: '홀몸 어르신 안부 확인', wallboard: '현황판', today: '오늘의 안부 확인', refresh: '새로 고침',
      previews: '상담원 전화를 기다리는 어르신', none: '없음', lookup: '어르신 카드 보기',
      audited: '열람할 때마다 감사 기록에 남습니다.', seniorId: '어르신 번호', open: '보기',
      import: '명단 가져오기 (CSV)', csv: 'CSV 내용', check: '검사만', store: '가져오기', refusedRows: '받지 않은 줄',
      line: '줄', reason: '이유', switchTo: 'English', day: '날짜', enrolled: '등록 어르신', planned: '예정 통화',
      attempts: '시도', done: '완료', reached: '연결', notReached: '미연결', waiting: '대기', escalated: '복지 민원으로 이관',
      reachedPercent: '연결률', imported: '{n}명을 등록했습니다.', checked: '{n}명 모두 등록할 수 있습니다.',
      refusedCount: '받지 않은 줄 {n}개: 아무것도 등록하지 않았습니다.', due: '예정', attempt: '시도',
      name: '이름', phones: '전화', address: '주소', district: '구', language: '언어', mode: '확인 방법',
      windows: '통화 가능 시간', careNotes: '돌봄 메모', worker: '담당 복지사', emergencyContacts: '비상 연락처',
      districts: '구별 현황 (최근 7일)', chartCaption: '구별 연결률 (%)', escalations: '복지 이관 (최근 7일)',
      auditedList: '목록에 보이는 어르신마다 감사 기록에 남습니다.', when: '시각', why: '사유', case: '민원',
      status: '처리', UNREACHED: '여러 번 연결 안 됨', ASKED_FOR_HELP: '도움 요청 (2번)', CONCERN: '상담원 우려',
      casePending: '민원 접수 대기', OPEN: '접수', ACCEPTED: '처리 중', RESOLVED: '조치 완료', CLOSED: '종결',
      openCard: '{id} 카드 보기', outcome_VISIT_MADE: '방문 완료', outcome_SENIOR_SAFE: '어르신 안전 확인',
      outcome_EMERGENCY_SERVICES: '119 신고', outcome_HOSPITALISED: '입원·시설 입소', outcome_OTHER: '기타 조치'
    },
    en: {
      title: 'Senior Assurance Call', wallboard: 'Wallboard', today: "Today's program", refresh: 'Refresh',
      previews: 'Seniors waiting for an operator’s call', none: 'none', lookup: "A senior's card",
      audited: 'Every look is written to the audit log.', seniorId: 'Senior id', open: 'Open',
      import: 'Import the registry (CSV)', csv: 'CSV text', check: 'Check only', store: 'Import',
      refusedRows: 'Rows refused', line: 'Line', reason: 'Reason', switchTo: '한국어', day: 'Day',
      enrolled: 'Enrolled', planned: 'Calls planned', attempts: 'Attempts', done: 'Done', reached: 'Reached',
      notReached: 'Not reached', waiting: 'Waiting', escalated: 'Escalated to a welfare case',
      reachedPercent: 'Reached %', imported: '{n} seniors imported.', checked: 'All {n} rows can be imported.',
      refusedCount: '{n} rows refused: nothing was imported.', due: 'due', attempt: 'attempt',
      name: 'Name', phones: 'Phones', address: 'Address', district: 'District', language: 'Language',
      mode: 'Check-in by', windows: 'Call windows', careNotes: 'Care notes', worker: 'Welfare worker',
      emergencyContacts: 'Emergency contacts',
      districts: 'Per district (last 7 days)', chartCaption: 'Reached % per district',
      escalations: 'Escalations (last 7 days)', auditedList: 'Every senior in this list is written to the audit log.',
      when: 'When', why: 'Why', case: 'Case', status: 'What was done', UNREACHED: 'Not reached several times',
      ASKED_FOR_HELP: 'Asked for help (pressed 2)', CONCERN: "Operator's concern", casePending: 'Case being opened',
      OPEN: 'Open', ACCEPTED: 'In progress', RESOLVED: 'Resolved', CLOSED: 'Closed', openCard: 'Open the card of {id}',
      outcome_VISIT_MADE: 'Visit made', outcome_SENIOR_SAFE: 'Senior safe',
      outcome_EMERGENCY_SERVICES: 'Emergency services called', outcome_HOSPITALISED: 'In hospital or care',
      outcome_OTHER: 'Other (see the case)'
    }
  };
  const DISTRICT_FIGURES = ['enrolled', 'attempts', 'reached', 'notReached', 'escalated', 'reachedPercent'];
  const FIGURES = ['day', 'enrolled', 'planned', 'attempts', 'done', 'reached', 'notReached', 'waiting', 'escalated',
    'reachedPercent'];
  const CARD = ['name', 'phones', 'address', 'district', 'language', 'mode', 'windows', 'careNotes', 'worker',
    'emergencyContacts'];
  const $ = id => document.getElementById(id);
  const token = sessionStorage.getItem('onenumber.token');
  if (!token) { location.href = 'index.html'; return; }
  let lang = localStorage.getItem('onenumber.lang') || (navigator.language || 'ko').slice(0, 2);
  if (!TEXTS[lang]) lang = 'ko';
  let figures = null;
  let card = null;
  let districts = [];
  let escalations = [];
  const t = key => TEXTS[lang][key] || key;

  async function call(method, path, body, type) {
    const res = await fetch(path, {method, headers: Object.assign({Authorization: 'Bearer ' + token,
      Accept: 'application/json'}, body ? {'Content-Type': type || 'application/json'} : {}), body});
    if (res.status === 401) { location.href = 'index.html'; throw new Error('signed out'); }
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok && res.status !== 422) throw new Error((data && data.message) || ('HTTP ' + res.status));
    return {status: res.status, data};
  }

  function rows(tbody, pairs) {
    tbody.replaceChildren(...pairs.map(([key, value]) => {
      const tr = document.createElement('tr');
      const th = Object.assign(document.createElement('th'), {scope: 'row', textContent: t(key)});
      tr.append(th, Object.assign(document.createElement('td'), {textContent: value}));
      return tr;
    }));
  }

  function render() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-w]').forEach(el => { el.textContent = t(el.dataset.w); });
    $('lang-toggle').textContent = t('switchTo');
    $('lang-toggle').lang = lang === 'ko' ? 'en' : 'ko';
    document.title = t('title') + ' — OneNumber';
    if (figures) {
      rows(document.querySelector('#today tbody'), FIGURES.map(k => [k, k === 'reachedPercent'
        ? figures[k].toFixed(1) + '%' : String(figures[k])]));
    }
    renderDistricts();
    renderEscalations();
    if (card) {
      $('card').replaceChildren(...CARD.flatMap(k => {
        const value = Array.isArray(card[k]) ? card[k].join(', ') : (card[k] == null ? '' : String(card[k]));
        return [Object.assign(document.createElement('dt'), {textContent: t(k)}),
          Object.assign(document.createElement('dd'), {textContent: value})];
      }));
      $('card').hidden = false;
    }
  }

  const cell = text => Object.assign(document.createElement('td'), {textContent: text});

  function renderDistricts() {
    $('districts').querySelector('tbody').replaceChildren(...districts.map(d => {
      const tr = document.createElement('tr');
      tr.append(Object.assign(document.createElement('th'), {scope: 'row', textContent: d.district}),
        ...DISTRICT_FIGURES.map(k => cell(k === 'reachedPercent' ? d[k].toFixed(1) + '%' : String(d[k]))));
      return tr;
    }));
    $('districts-empty').hidden = districts.length > 0;
    OneNumberBars.draw($('district-chart'), districts.map(d => ({label: d.district, value: d.reachedPercent,
      text: d.reachedPercent.toFixed(1) + '%'})), 100, 140);
  }

  function renderEscalations() {
    $('escalations').querySelector('tbody').replaceChildren(...escalations.map(e => {
      const tr = document.createElement('tr');
      const who = document.createElement('td');
      const open = Object.assign(document.createElement('button'), {type: 'button', textContent: e.seniorId});
      open.setAttribute('aria-label', t('openCard').replace('{id}', e.seniorId));
      open.addEventListener('click', () => { $('senior-id').value = e.seniorId; lookup(); });
      who.append(open);
      tr.append(cell(new Date(e.decidedAt).toLocaleString(lang)), who, cell(e.district), cell(t(e.reason)),
        cell(e.caseId || ''), cell(e.outcome ? t('outcome_' + e.outcome)
          : e.caseStatus ? t(e.caseStatus) : t('casePending')));
      return tr;
    }));
    $('escalations-empty').hidden = escalations.length > 0;
  }

  async function reports() {
    try {
      districts = (await call('GET', '/api/v1/welfare/districts?days=7')).data.items;
      escalations = (await call('GET', '/api/v1/welfare/escalations?days=7')).data.items;
      $('reports-error').textContent = '';
    } catch (e) { $('reports-error').textContent = e.message; }
  }

  async function today() {
    await reports();
    try {
      figures = (await call('GET', '/api/v1/welfare/today')).data;
      $('today-error').textContent = '';
      const previews = (await call('GET', '/api/v1/welfare/previews')).data;
      const list = Array.isArray(previews) ? previews : (previews.items || []);
      $('previews').replaceChildren(...list.map(p => {
        const li = document.createElement('li');
        const open = Object.assign(document.createElement('button'), {type: 'button',
          textContent: p.seniorId + ' · ' + t('due') + ' ' + new Date(p.dueAt).toLocaleTimeString() + ' · '
            + t('attempt') + ' ' + p.attempt});
        open.addEventListener('click', () => { $('senior-id').value = p.seniorId; lookup(); });
        li.append(open);
        return li;
      }));
      $('previews-empty').hidden = list.length > 0;
      render();
    } catch (e) { $('today-error').textContent = e.message; }
  }

  async function lookup(event) {
    if (event) event.preventDefault();
    $('lookup-error').textContent = '';
    try {
      card = (await call('GET', '/api/v1/welfare/seniors/' + encodeURIComponent($('senior-id').value.trim()))).data;
      render();
    } catch (e) { card = null; $('card').hidden = true; $('lookup-error').textContent = e.message; }
  }

  async function importCsv(dryRun) {
    $('import-result').textContent = '';
    try {
      const {status, data} = await call('POST', '/api/v1/welfare/seniors/import' + (dryRun ? '?dryRun=true' : ''),
        $('csv').value, 'text/csv');
      $('import-result').textContent = status === 422 ? t('refusedCount').replace('{n}', String(data.refused))
        : t(data.stored ? 'imported' : 'checked').replace('{n}', String(data.accepted));
      $('refused').hidden = !data.rows.length;
      $('refused').querySelector('tbody').replaceChildren(...data.rows.map(r => {
        const tr = document.createElement('tr');
        tr.append(Object.assign(document.createElement('td'), {textContent: String(r.line)}),
          Object.assign(document.createElement('td'), {textContent: r.reason}));
        return tr;
      }));
      if (data.stored) today();
    } catch (e) { $('import-result').textContent = e.message; }
  }

  $('refresh').addEventListener('click', today);
  $('lookup').addEventListener('submit', lookup);
  $('check').addEventListener('click', () => importCsv(true));
  $('import').addEventListener('submit', event => { event.preventDefault(); importCsv(false); });
  $('lang-toggle').addEventListener('click', () => {
    lang = lang === 'ko' ? 'en' : 'ko';
    localStorage.setItem('onenumber.lang', lang);
    render();
  });
  render();
  today();
})();
