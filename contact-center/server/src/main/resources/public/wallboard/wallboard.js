// OneNumber wallboard: signs a supervisor in, opens the server-sent event stream
// /api/v1/wallboard/stream (ServerEvents of /department/case-alerts.js: fetch with the bearer token;
// frames are pushed on every change, the page never polls) and renders tiles, the intraday chart and the drill-down table.
(function () {
  'use strict';
  const I = window.I18N;
  const params = new URLSearchParams(location.search);
  const target = Number(params.get('target') || 0.8);
  const $ = id => document.getElementById(id);
  let token = sessionStorage.getItem('onenumber.token');
  let lastFrame = null;
  let drillKind = 'queue';
  let chart = null;
  let caseAlerts = null;   // the overdue and low-rating alert stream (every department's), pushed
  let issueAlerts = null;  // the emerging-issue alert stream, pushed as the live fold raises them

  /** A case went overdue, or its answer was rated low, somewhere in the city: list it at the top of the board. */
  function showCaseAlert(a) {
    const li = document.createElement('li');
    li.textContent = I.t(a.kind === 'LOW_RATING' ? 'lowRatingAlert' : 'overdueAlert') + ' · ' + a.caseId + ' · '
      + a.department;
    $('case-alerts').prepend(li);
    $('alerts-section').hidden = false;
  }

  /** An emerging issue was raised (a burst of a category or a hotspot): list it at the top too. */
  function showIssueAlert(i) {
    const li = document.createElement('li');
    const name = (I.lang === 'ko' ? i.nameKo : i.nameEn) || i.key;
    li.textContent = I.t('issueAlert') + ' · ' + name + ' · ' + i.count + ' (' + I.t('baseline') + ' ' + i.baseline + ')';
    $('issue-alerts').prepend(li);
    $('alerts-section').hidden = false;
  }

  const ONE_DECIMAL = {minimumFractionDigits: 1, maximumFractionDigits: 1};
  const pct = v => v == null ? '–' : I.number(v, Object.assign({style: 'percent'}, ONE_DECIMAL));
  const secs = v => v == null ? '–' : I.number(v, ONE_DECIMAL) + I.t('seconds');
  const num = v => v == null ? '–' : I.number(v);

  // Formulas in words: "A(T) ÷ O" read as "÷ 0"; letters (and "short abandons") become what they stand for.
  const FORMULA_WORDS = {
    en: [[/Ab\(T\)/g, 'abandoned within T'], [/A\(T\)/g, 'answered within T'], [/\bAb\b/g, 'abandoned'],
      [/\bA\b/g, 'answered'], [/\bO\b/g, 'offered'], [/\bH\b/g, 'handled']],
    ko: [[/short abandons/g, '단기 포기'], [/Ab\(T\)/g, 'T초 이내 포기'], [/A\(T\)/g, 'T초 이내 응대'], [/\bAb\b/g, '포기'], [/\bA\b/g, '응대'],
      [/\bO\b/g, '인입'], [/\bH\b/g, '처리 완료']],
    zh: [[/short abandons/g, '短时放弃'], [/Ab\(T\)/g, 'T秒内放弃'], [/A\(T\)/g, 'T秒内接听'], [/\bAb\b/g, '放弃'], [/\bA\b/g, '已接听'],
      [/\bO\b/g, '呼入'], [/\bH\b/g, '已处理']],
    ja: [[/short abandons/g, '短時間放棄'], [/Ab\(T\)/g, 'T秒以内の放棄'], [/A\(T\)/g, 'T秒以内の応答'], [/\bAb\b/g, '放棄'], [/\bA\b/g, '応答'],
      [/\bO\b/g, '着信'], [/\bH\b/g, '処理済み']],
    vi: [[/short abandons/g, 'bỏ máy sớm'], [/Ab\(T\)/g, 'bỏ máy trong T giây'], [/A\(T\)/g, 'trả lời trong T giây'], [/\bAb\b/g, 'bỏ máy'],
      [/\bA\b/g, 'đã trả lời'], [/\bO\b/g, 'cuộc gọi đến'], [/\bH\b/g, 'đã xử lý']],
    mn: [[/short abandons/g, 'богино таслалт'], [/Ab\(T\)/g, 'T сек дотор тасалсан'], [/A\(T\)/g, 'T сек дотор хариулсан'], [/\bAb\b/g, 'тасалсан'],
      [/\bA\b/g, 'хариулсан'], [/\bO\b/g, 'ирсэн'], [/\bH\b/g, 'шийдвэрлэсэн']]
  };
  const words = f => (FORMULA_WORDS[I.lang] || FORMULA_WORDS.en).reduce((text, [re, word]) => text.replace(re, word), f || '');

  // Queue names by id, for the drill-down (GET /api/v1/queues once signed in).
  let queueNames = new Map();
  async function loadQueueNames() {
    try {
      const res = await fetch('/api/v1/queues', {headers: {Authorization: 'Bearer ' + token, Accept: 'application/json'}});
      if (res.ok) queueNames = new Map(((await res.json()).items || []).map(q => [q.id, q.name]));
    } catch (e) { /* ids stay */ }
    renderDrill();
  }

  function level(el, cls) {
    el.classList.remove('good', 'warn', 'bad');
    if (cls) el.classList.add(cls);
  }
  // Colour thresholds: higher is better (SL, FCR, satisfaction) or lower is better (abandon, wait).
  const higher = (v, good, warn) => v == null ? null : v >= good ? 'good' : v >= warn ? 'warn' : 'bad';
  const lower = (v, good, warn) => v == null ? null : v <= good ? 'good' : v <= warn ? 'warn' : 'bad';

  function showLogin(message) {
    $('board').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  /** Operators and department staff get a clear message and a link to their own page. */
  function wrongRole(roles) {
    $('board').hidden = true;
    $('login').hidden = false;
    const operator = roles.includes('OPERATOR');
    $('login-error').textContent = operator ? I.t('operatorHere') : I.t('loginFailed');
    if (operator) {
      const link = Object.assign(document.createElement('a'), {href: '/console/', textContent: I.t('openConsole')});
      $('login-error').append(' ', link);
    }
  }

  async function login(event) {
    event.preventDefault();
    const res = await fetch('/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({username: $('username').value, password: $('password').value})});
    if (!res.ok) { showLogin(I.t('loginFailed')); return; }
    const data = await res.json();
    if ((data.roles || []).includes('MONITOR')) {
      sessionStorage.setItem('onenumber.monitoring.token', data.access_token);
      location.href = '/monitoring/';
      return;
    }
    if ((data.roles || []).includes('ANALYST')) {
      sessionStorage.setItem('onenumber.token', data.access_token);
      location.href = 'reform.html';
      return;
    }
    if (!(data.roles || []).some(r => r === 'SUPERVISOR' || r === 'ADMIN')) { wrongRole(data.roles || []); return; }
    token = data.access_token;
    sessionStorage.setItem('onenumber.token', token);
    connect();
  }

  // The board's own stream (ServerEvents: reconnects after a cut, and after three heartbeats without a
  // byte); its state is the header's pill, announced politely: live, reconnecting, silent.
  let stream = null;
  function connect() {
    if (stream) stream.close();
    stream = window.ServerEvents.open('/api/v1/wallboard/stream', {figures: render}, token, (state, status) => {
      if (state === 'denied') {
        stream.close();
        sessionStorage.removeItem('onenumber.token');
        if (status === 403) wrongRole([]); else showLogin('');
        return;
      }
      if (state === 'live') {
        $('login').hidden = true;
        $('board').hidden = false;
        if (!queueNames.size) loadQueueNames();
        if (!caseAlerts) caseAlerts = window.CaseAlerts.open(token, showCaseAlert, null, showCaseAlert);
        if (!issueAlerts) issueAlerts = window.IssueAlerts.open(token, showIssueAlert);
      }
      online(state);
    }, 2000);
  }

  function online(state) {
    const c = $('connection');
    c.dataset.i18n = state === 'live' ? 'online' : state === 'silent' ? 'silentStream' : 'offline';
    c.textContent = I.t(c.dataset.i18n);
    c.className = 'pill ' + (state === 'live' ? 'on' : 'off');
  }

  let definitions = null;
  function render(frame) {
    if (frame.definitions) definitions = frame.definitions;
    frame.definitions = definitions;
    lastFrame = frame;
    window.lastWallboardFrame = frame;
    const d = frame.definitions;
    const today = frame.center.today;
    const status = frame.center.status;
    $('sl-value').textContent = pct(today.serviceLevel);
    level($('tile-sl'), higher(today.serviceLevel, target, target - 0.1));
    $('sl-target').textContent = pct(target);
    $('sl-threshold').textContent = I.fill('slThreshold', {s: I.number(d.thresholdSeconds)});
    $('sl-formula').textContent = words(d.variantFormula);
    $('sl-formula').title = d.variantFormula;
    $('waiting-value').textContent = num(status.waiting);
    $('longest-value').textContent = secs(status.longestWaitSeconds);
    level($('tile-waiting'), lower(status.longestWaitSeconds, d.thresholdSeconds, 2 * d.thresholdSeconds));
    $('offered-value').textContent = num(today.offered);
    $('answered-value').textContent = num(today.answered);
    $('response-value').textContent = pct(today.responseRate);
    $('abandon-value').textContent = pct(today.abandonRate);
    $('abandoned-value').textContent = num(today.abandoned);
    $('short-value').textContent = num(today.shortAbandons);
    level($('tile-abandon'), lower(today.abandonRate, 0.05, 0.1));
    $('asa-value').textContent = secs(today.asaSeconds);
    $('aht-value').textContent = secs(today.handleSeconds);
    level($('tile-asa'), lower(today.asaSeconds, d.thresholdSeconds, 2 * d.thresholdSeconds));
    $('fcr-value').textContent = pct(today.fcr);
    $('fcr-survey-value').textContent = pct(today.fcrSurvey);
    $('self-served-value').textContent = num(today.selfServed);
    level($('tile-fcr'), higher(today.fcr, 0.9, 0.8));
    $('csat-value').textContent = today.satisfaction == null ? '–' : today.satisfaction.toFixed(2) + ' / 5';
    $('surveys-value').textContent = num(today.surveys);
    level($('tile-csat'), higher(today.satisfaction, 4, 3.5));
    $('occupancy-value').textContent = pct(today.occupancy);
    $('agents-value').textContent = String(Object.entries(status.agentsByState)
      .filter(([state]) => state !== 'OFFLINE').reduce((sum, [, n]) => sum + n, 0));
    const agents = $('agents-by-state');
    agents.innerHTML = '';
    Object.entries(status.agentsByState).forEach(([state, count]) => {
      const li = document.createElement('li');
      li.dataset.state = state;
      li.textContent = I.t(state) + ' ' + count;
      agents.appendChild(li);
    });
    // The server words the formulas in Korean and English; the catalogue in the other languages.
    const formula = field => I.lang === 'ko' ? d.formulasKo[field] : I.lang === 'en' ? d.formulas[field] : I.t('f_' + field);
    document.querySelectorAll('[data-formula]').forEach(el => { el.textContent = words(formula(el.dataset.formula)); });
    renderDrill();
    renderChart(frame.intraday);
    $('clock').textContent = I.time(frame.sentAtMillis);
  }

  // The department tab: GET /api/v1/reports/departments (live figures) when chosen, and again on a
  // pushed frame at most every 30 s.
  let departments = [];
  let departmentsAt = 0;
  async function loadDepartments() {
    departmentsAt = Date.now();
    try {
      const res = await fetch('/api/v1/reports/departments', {headers: {Authorization: 'Bearer ' + token, Accept: 'application/json'}});
      if (res.ok) departments = (await res.json()).rows || [];
    } catch (e) { /* the last figures stay */ }
    renderDepartments();
  }
  const hours = v => v == null ? '–' : I.number(v / 3600, ONE_DECIMAL) + I.t('hours');
  function renderDepartments() {
    const tbody = document.querySelector('#departments tbody');
    tbody.innerHTML = '';
    departments.forEach(row => {
      const tr = document.createElement('tr');
      [row.department, row.category === '*' ? I.t('allCategories') : row.category, num(row.received), num(row.answeredOnTime),
        hours(row.firstResponseMedianSeconds) + ' / ' + hours(row.firstResponseP90Seconds),
        hours(row.resolutionMedianSeconds) + ' / ' + hours(row.resolutionP90Seconds), num(row.overdue),
        pct(row.replyRate), pct(row.reopenRate),
        row.rated > 0 ? row.satisfaction.toFixed(2) + ' (' + row.rated + ')' : '–'].forEach((text, i) => {
        const td = document.createElement('td');
        td.textContent = text;
        if (i === 7) level(td, higher(row.replyRate, 0.95, 0.8));
        if (i === 6) level(td, row.overdue > 0 ? 'bad' : 'good');
        if (i === 9 && row.rated > 0) level(td, higher(row.satisfaction, 4, 3.5));
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  // The category tab: today's top categories (the operator's disposition, else the guess at intake),
  // pushed in every frame.
  function renderCategories() {
    const tbody = document.querySelector('#categories tbody');
    tbody.innerHTML = '';
    (lastFrame && lastFrame.category || []).forEach(row => {
      const tr = document.createElement('tr');
      tr.dataset.id = row.id;
      [(I.lang === 'ko' ? row.nameKo : row.nameEn) || row.id, row.department || '–', num(row.count)].forEach(text => {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  function renderDrill() {
    const department = drillKind === 'department';
    const category = drillKind === 'category';
    $('drill').hidden = department || category;
    $('departments').hidden = !department;
    $('categories').hidden = !category;
    if (category) { renderCategories(); return; }
    if (department) {
      if (Date.now() - departmentsAt > 30000) loadDepartments(); else renderDepartments();
      return;
    }
    if (!lastFrame) return;
    const tbody = document.querySelector('#drill tbody');
    tbody.innerHTML = '';
    (lastFrame[drillKind] || []).forEach(row => {
      const f = row, s = row;
      const tr = document.createElement('tr');
      tr.dataset.id = row.id;
      [drillKind === 'queue' ? (queueNames.get(row.id) || row.id) : row.id, num(f.offered), num(f.answered), num(f.abandoned), pct(f.serviceLevel), secs(f.asaSeconds),
        num(s.waiting), secs(s.longestWaitSeconds), pct(f.fcr)].forEach((text, i) => {
        const td = document.createElement('td');
        td.textContent = text;
        if (i === 4) level(td, higher(f.serviceLevel, target, target - 0.1));
        if (i === 7) level(td, lower(s.longestWaitSeconds, lastFrame.definitions.thresholdSeconds, 2 * lastFrame.definitions.thresholdSeconds));
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  // Intraday intervals by start; full frames replace them, pushed frames update the last few.
  // The chart follows its box's width (ResizeObserver) and the mode's colours; its legend shows
  // the series names without hovering and the axes say what they count.
  let intervals = new Map();
  let chartData = null;
  function renderChart(intraday) {
    if (intraday.full) intervals = new Map();
    intraday.start.forEach((start, i) => intervals.set(start, [intraday.serviceLevel[i], intraday.offered[i]]));
    const xs = [...intervals.keys()].sort((a, b) => a - b);
    const sl = xs.map(x => intervals.get(x)[0] == null ? null : 100 * intervals.get(x)[0]);
    const volume = xs.map(x => intervals.get(x)[1]);
    chartData = [xs, sl, volume];
    if (chart) chart.setData(chartData); else drawChart();
  }

  function drawChart() {
    if (!chartData) return;
    if (chart) chart.destroy();
    const el = $('intraday');
    const tv = document.body.classList.contains('tv');
    const ink = tv ? '#e2e8f0' : '#1a202c';
    const grid = tv ? 'rgba(226,232,240,0.15)' : 'rgba(26,32,44,0.12)';
    const font = (tv ? '15px' : '12px') + ' system-ui, sans-serif';
    const axis = (extra) => Object.assign({stroke: ink, grid: {stroke: grid}, ticks: {stroke: grid}, font, labelFont: 'bold ' + font}, extra);
    chart = new uPlot({
      width: Math.max(300, el.clientWidth || 900), height: tv ? 320 : 240,
      legend: {live: false},
      scales: {x: {time: true}, pct: {range: [0, 100]}, n: {}},
      series: [{}, {label: I.t('sl') + ' (%)', scale: 'pct', stroke: tv ? '#6fdc8c' : '#1b7f3b', width: 2},
        {label: I.t('offered'), scale: 'n', stroke: tv ? '#8ab4f8' : '#2a6fdb', fill: 'rgba(42,111,219,0.25)', paths: uPlot.paths.bars({size: [0.8]})}],
      axes: [axis({}), axis({scale: 'pct', label: I.t('sl') + ' (%)', values: (u, v) => v.map(x => x + '%')}),
        axis({scale: 'n', side: 1, label: I.t('offered'), grid: {show: false}})]
    }, chartData, el);
  }

  if (window.ResizeObserver) {
    let last = 0;
    new ResizeObserver(entries => {
      const width = Math.round(entries[0].contentRect.width);
      if (chart && width > 0 && width !== last) { last = width; chart.setSize({width: Math.max(300, width), height: chart.height}); }
    }).observe($('intraday'));
  }

  function selectTab(tab) {
    document.querySelectorAll('.tab').forEach(t => {
      const on = t === tab;
      t.classList.toggle('active', on);
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
    });
    $('drill-panel').setAttribute('aria-labelledby', tab.id);
    drillKind = tab.dataset.kind;
    if (drillKind === 'department') departmentsAt = 0;
    renderDrill();
  }

  document.querySelectorAll('.tab').forEach(tab => {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', e => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const tabs = [...document.querySelectorAll('.tab')];
      const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      next.focus();
      selectTab(next);
    });
  });
  I.onChange(() => { if (lastFrame) render(lastFrame); drawChart(); });
  $('tv-toggle').addEventListener('click', () => {
    document.body.classList.toggle('tv');
    drawChart();
    if (document.body.classList.contains('tv') && document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(() => {});
    } else if (document.fullscreenElement) {
      document.exitFullscreen();
    }
  });
  if (params.get('tv') === '1') document.body.classList.add('tv');
  $('login').addEventListener('submit', login);
  I.apply();
  if (token) connect(); else showLogin();
})();
