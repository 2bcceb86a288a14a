// OneNumber wallboard: signs a supervisor in, opens the server-sent event stream
// /api/v1/wallboard/stream (fetch with the bearer token; frames are pushed on every change, the
// page never polls) and renders tiles, the intraday chart and the drill-down table.
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
  let abort = null;

  const pct = v => v == null ? '–' : (100 * v).toFixed(1) + '%';
  const secs = v => v == null ? '–' : v.toFixed(1) + I.t('seconds');
  const num = v => v == null ? '–' : String(v);

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

  async function login(event) {
    event.preventDefault();
    const res = await fetch('/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({username: $('username').value, password: $('password').value})});
    if (!res.ok) { showLogin(I.t('loginFailed')); return; }
    token = (await res.json()).access_token;
    sessionStorage.setItem('onenumber.token', token);
    connect();
  }

  async function connect() {
    if (abort) abort.abort();
    abort = new AbortController();
    let res;
    try {
      res = await fetch('/api/v1/wallboard/stream', {headers: {Authorization: 'Bearer ' + token, Accept: 'text/event-stream'},
        signal: abort.signal});
    } catch (e) { return retry(); }
    if (res.status === 401 || res.status === 403) {
      sessionStorage.removeItem('onenumber.token');
      return showLogin(res.status === 403 ? I.t('loginFailed') : '');
    }
    if (!res.ok) return retry();
    $('login').hidden = true;
    $('board').hidden = false;
    online(true);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, {stream: true});
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).replace(/^ /, '')).join('\n');
          if (data) render(JSON.parse(data));
        }
      }
    } catch (e) { /* stream cut: reconnect below */ }
    retry();
  }

  function retry() {
    online(false);
    setTimeout(connect, 2000);
  }

  function online(on) {
    const c = $('connection');
    c.textContent = I.t(on ? 'online' : 'offline');
    c.className = 'pill ' + (on ? 'on' : 'off');
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
    $('sl-threshold').textContent = d.thresholdSeconds + I.t('seconds') + ' ' + I.t('within');
    $('sl-formula').textContent = d.variantFormula;
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
    const formulas = (I.lang === 'ko' && d.formulasKo) || d.formulas;
    document.querySelectorAll('[data-formula]').forEach(el => { el.textContent = formulas[el.dataset.formula] || ''; });
    renderDrill();
    renderChart(frame.intraday);
    $('clock').textContent = new Date(frame.sentAtMillis).toLocaleTimeString(I.lang === 'ko' ? 'ko-KR' : 'en-GB');
  }

  function renderDrill() {
    if (!lastFrame) return;
    const tbody = document.querySelector('#drill tbody');
    tbody.innerHTML = '';
    (lastFrame[drillKind] || []).forEach(row => {
      const f = row, s = row;
      const tr = document.createElement('tr');
      tr.dataset.id = row.id;
      [row.id, num(f.offered), num(f.answered), num(f.abandoned), pct(f.serviceLevel), secs(f.asaSeconds),
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
  let intervals = new Map();
  function renderChart(intraday) {
    if (intraday.full) intervals = new Map();
    intraday.start.forEach((start, i) => intervals.set(start, [intraday.serviceLevel[i], intraday.offered[i]]));
    const xs = [...intervals.keys()].sort((a, b) => a - b);
    const sl = xs.map(x => intervals.get(x)[0] == null ? null : 100 * intervals.get(x)[0]);
    const volume = xs.map(x => intervals.get(x)[1]);
    const data = [xs, sl, volume];
    if (chart) { chart.setData(data); return; }
    const el = $('intraday');
    chart = new uPlot({
      width: Math.max(400, el.clientWidth || 900), height: document.body.classList.contains('tv') ? 320 : 220,
      scales: {x: {time: true}, pct: {range: [0, 100]}, n: {}},
      series: [{}, {label: I.t('sl'), scale: 'pct', stroke: '#1b7f3b', width: 2, value: (u, v) => v == null ? '–' : v.toFixed(1) + '%'},
        {label: I.t('offered'), scale: 'n', stroke: '#2a6fdb', fill: 'rgba(42,111,219,0.25)', paths: uPlot.paths.bars({size: [0.8]})}],
      axes: [{}, {scale: 'pct', values: (u, v) => v.map(x => x + '%')}, {scale: 'n', side: 1, grid: {show: false}}]
    }, data, el);
  }

  document.querySelectorAll('.tab').forEach(tab => tab.addEventListener('click', () => {
    document.querySelectorAll('.tab').forEach(t => t.classList.toggle('active', t === tab));
    drillKind = tab.dataset.kind;
    renderDrill();
  }));
  $('lang-toggle').addEventListener('click', () => { I.toggle(); if (lastFrame) render(lastFrame); });
  $('tv-toggle').addEventListener('click', () => {
    document.body.classList.toggle('tv');
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
