// Hotspot and trend page: a supervisor uploads a 311 export (CSV) to POST /api/v1/analytics/hotspots
// and sees its hot cells on a Leaflet map (tiles only when /report/settings.json names a tile URL),
// the same cells in a table, requests per hour as a uPlot chart (decoration: the table beside it
// holds the same numbers) and per type, and the emerging-issue alerts: those raised so far, then
// each new one pushed as the live fold raises it (IssueAlerts, server-sent events). A cell's circle
// (click) or its row's button (keyboard) lists the stored requests of that cell
// (GET /api/v1/analytics/cells): category, time, status, and for supervisors the case, address and words.
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  const token = sessionStorage.getItem('onenumber.token');
  if (!token) { location.href = 'index.html'; return; }
  const auth = { Authorization: 'Bearer ' + token };
  let map = null;
  let layer = null;
  let chart = null;

  function row(tbody, cells) {
    const tr = document.createElement('tr');
    cells.forEach(text => { const td = document.createElement('td'); td.textContent = text; tr.appendChild(td); });
    tbody.appendChild(tr);
    return tr;
  }

  async function startMap() {
    if (!window.L) { $('map').hidden = true; return; }
    const settings = await (await fetch('/report/settings.json')).json().catch(() => ({}));
    map = window.L.map('map', { keyboard: true }).setView([settings.lat || 37.5665, settings.lon || 126.978], settings.zoom || 11);
    if (settings.tileUrl) {
      window.L.tileLayer(settings.tileUrl, { maxZoom: 19, attribution: settings.attribution || '' }).addTo(map);
    }
    layer = window.L.layerGroup().addTo(map);
    $('map').setAttribute('aria-label', I.t('mapTitle'));
  }

  /** A button that lists the stored requests of the cell holding (lat, lon). */
  function drillButton(td, lat, lon) {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: I.t('cellContacts') });
    button.className = 'cell-drill';
    button.addEventListener('click', () => drill(lat, lon));
    td.appendChild(button);
  }

  let lastDrill = null;
  async function drill(lat, lon) {
    const res = await fetch('/api/v1/analytics/cells?lat=' + lat + '&lon=' + lon, { headers: auth });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) { $('summary').textContent = answer.message || ('HTTP ' + res.status); return; }
    lastDrill = answer;
    showDrill(answer);
    $('drill-title').focus();
  }

  function showDrill(answer) {
    $('drill-section').hidden = false;
    $('drill-title').textContent = I.t('drillTitle').replace('{days}', answer.days).replace('{n}', answer.items.length)
      + ' · ' + answer.south.toFixed(2) + '–' + answer.north.toFixed(2) + ', ' + answer.west.toFixed(2) + '–'
      + answer.east.toFixed(2);
    const heads = ['type', 'at', 'status'].concat(answer.personal ? ['caseNo', 'address', 'words'] : []);
    const head = document.querySelector('#cell-records thead tr');
    head.innerHTML = '';
    heads.forEach(k => head.appendChild(Object.assign(document.createElement('th'), { textContent: I.t(k) })));
    const tbody = document.querySelector('#cell-records tbody');
    tbody.innerHTML = '';
    answer.items.forEach(i => row(tbody, [(I.lang === 'ko' ? i.nameKo : i.nameEn) || i.category || '–',
      i.at.slice(0, 16).replace('T', ' ') + ' UTC', i.status].concat(answer.personal
      ? [i.caseId || '–', i.address || '–', i.description || '–'] : [])));
    $('no-records').hidden = answer.items.length > 0;
  }

  function show(answer) {
    $('summary').textContent = I.t('summary').replace('{n}', answer.observations).replace('{located}', answer.located)
      .replace('{hot}', answer.hot);
    const cells = document.querySelector('#cells tbody');
    cells.innerHTML = '';
    answer.cells.filter(c => c.hot).forEach(c => {
      const types = Object.entries(c.categories).map(([k, v]) => k + ' ' + v).join(', ');
      const tr = row(cells, [c.latitude.toFixed(3) + ', ' + c.longitude.toFixed(3), c.count, c.expected.toFixed(2),
        c.pValue.toExponential(1), types, '']);
      tr.className = 'hot';
      drillButton(tr.lastChild, c.latitude, c.longitude);
    });
    const hours = document.querySelector('#hours tbody');
    hours.innerHTML = '';
    answer.hours.forEach(h => row(hours, [new Date(h.hour).toISOString().slice(0, 16).replace('T', ' ') + ' UTC', h.count]));
    drawTrend(answer.hours);
    const types = document.querySelector('#types tbody');
    types.innerHTML = '';
    answer.types.forEach(t => row(types, [t.type, t.count]));
    if (layer) {
      layer.clearLayers();
      const bounds = [];
      answer.cells.forEach(c => {
        const marker = window.L.circleMarker([c.latitude, c.longitude], {
          radius: Math.min(18, 3 + 2 * Math.sqrt(c.count)), color: c.hot ? '#c53030' : '#4a5568',
          fillOpacity: c.hot ? 0.7 : 0.25, weight: c.hot ? 2 : 1
        }).bindTooltip(c.count + ' · ' + Object.keys(c.categories).join(', '))
          .on('click', () => drill(c.latitude, c.longitude));
        layer.addLayer(marker);
        bounds.push([c.latitude, c.longitude]);
      });
      if (bounds.length) map.fitBounds(bounds, { padding: [20, 20] });
    }
  }

  /** Requests per hour as bars; the #hours table is what screen readers and keyboards use. */
  function drawTrend(hours) {
    if (!window.uPlot || !hours.length) return;
    $('trend-figure').hidden = false;
    const el = $('trend-chart');
    const data = [hours.map(h => new Date(h.hour).getTime() / 1000), hours.map(h => h.count)];
    if (chart) chart.destroy();
    chart = new uPlot({
      width: Math.max(300, el.clientWidth || 600), height: 220, legend: {show: false},
      scales: {x: {time: true}},
      series: [{}, {label: I.t('count'), stroke: '#2a6fdb', fill: 'rgba(42,111,219,0.25)',
        paths: uPlot.paths.bars({size: [0.8]})}],
      axes: [{stroke: '#1a202c'}, {stroke: '#1a202c', label: I.t('count')}]
    }, data, el);
  }

  /** An alert's row; its link opens the reform board with the alert's key picked as the issue. */
  function issueRow(tbody, i, first) {
    const tr = row(tbody, [(I.lang === 'ko' ? i.nameKo : i.nameEn) || i.key, i.count, i.baseline,
      i.at.slice(0, 16).replace('T', ' '), '']);
    const link = Object.assign(document.createElement('a'), { href: 'reform.html?issue=' + encodeURIComponent(i.key),
      textContent: I.t('rfOpenFor') });
    link.className = 'open-reform';
    tr.lastChild.appendChild(link);
    if (i.kind === 'HOTSPOT' && i.latitude != null) {
      tr.lastChild.append(' ');
      drillButton(tr.lastChild, i.latitude, i.longitude);
    }
    if (first) tbody.prepend(tr);
  }

  async function issues() {
    const res = await fetch('/api/v1/analytics/issues', { headers: auth });
    if (!res.ok) return;
    const answer = await res.json();
    const tbody = document.querySelector('#issues tbody');
    tbody.innerHTML = '';
    answer.issues.forEach(i => issueRow(tbody, i, false));
    $('no-issues').hidden = answer.issues.length > 0;
  }

  /** A pushed alert goes on top of the table at once. */
  function pushed(i) {
    issueRow(document.querySelector('#issues tbody'), i, true);
    $('no-issues').hidden = true;
  }

  $('scan').addEventListener('submit', async event => {
    event.preventDefault();
    const file = $('file').files[0];
    if (!file) { $('summary').textContent = I.t('needFile'); $('file').focus(); return; }
    $('summary').textContent = I.t('analysing');
    const res = await fetch('/api/v1/analytics/hotspots', { method: 'POST',
      headers: Object.assign({ 'Content-Type': 'text/csv' }, auth), body: await file.text() });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) { $('summary').textContent = answer.message || ('HTTP ' + res.status); return; }
    show(answer);
  });
  I.onChange(() => { issues(); if (lastDrill) showDrill(lastDrill); });
  I.apply();
  startMap();
  issues();
  if (window.IssueAlerts) window.IssueAlerts.open(token, pushed);
})();
