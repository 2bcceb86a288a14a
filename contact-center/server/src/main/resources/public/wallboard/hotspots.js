// Hotspot and trend page: a supervisor uploads a 311 export (CSV) to POST /api/v1/analytics/hotspots
// and sees its hot cells on a Leaflet map (tiles only when /report/settings.json names a tile URL),
// the same cells in a table, requests per hour as a uPlot chart (decoration: the table beside it
// holds the same numbers) and per type, and the emerging-issue alerts: those raised so far, then
// each new one pushed as the live fold raises it (IssueAlerts, server-sent events).
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

  function show(answer) {
    $('summary').textContent = I.t('summary').replace('{n}', answer.observations).replace('{located}', answer.located)
      .replace('{hot}', answer.hot);
    const cells = document.querySelector('#cells tbody');
    cells.innerHTML = '';
    answer.cells.filter(c => c.hot).forEach(c => {
      const types = Object.entries(c.categories).map(([k, v]) => k + ' ' + v).join(', ');
      row(cells, [c.latitude.toFixed(3) + ', ' + c.longitude.toFixed(3), c.count, c.expected.toFixed(2),
        c.pValue.toExponential(1), types]).className = 'hot';
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
        }).bindTooltip(c.count + ' · ' + Object.keys(c.categories).join(', '));
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
  $('lang-toggle').addEventListener('click', () => { I.toggle(); issues(); });
  I.apply();
  startMap();
  issues();
  if (window.IssueAlerts) window.IssueAlerts.open(token, pushed);
})();
