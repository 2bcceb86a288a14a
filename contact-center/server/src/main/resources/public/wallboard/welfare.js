// The welfare program's page for welfare supervisors, over /api/v1/welfare: today's figures, the
// per-district figures of the last 7 days (a bar chart of reached % and the same as a table), the
// escalations of the last 7 days (each senior listed is audited by the server; the id opens the
// card), the preview calls waiting for an operator, a senior's card (every look audited by the server), and
// the registry's CSV import with its report (check only, or store: all rows or none). Uses the
// wallboard's login; texts are set with textContent only.
// In the six languages of the wallboard's catalogue (texts/<code>.js, keys wf_…).
(function () {
  'use strict';
  const DISTRICT_FIGURES = ['enrolled', 'attempts', 'reached', 'notReached', 'escalated', 'reachedPercent'];
  const FIGURES = ['day', 'enrolled', 'planned', 'attempts', 'done', 'reached', 'notReached', 'waiting', 'escalated',
    'reachedPercent'];
  const CARD = ['name', 'phones', 'address', 'district', 'language', 'mode', 'windows', 'careNotes', 'worker',
    'emergencyContacts'];
  const $ = id => document.getElementById(id);
  const token = sessionStorage.getItem('onenumber.token');
  if (!token) { location.href = 'index.html'; return; }
  const I = window.I18N;
  let figures = null;
  let card = null;
  let districts = [];
  let escalations = [];
  const t = key => I.t('wf_' + key);

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
    I.apply();
    document.querySelectorAll('[data-w]').forEach(el => { el.textContent = t(el.dataset.w); });
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
      tr.append(cell(new Date(e.decidedAt).toLocaleString(I.locale())), who, cell(e.district), cell(t(e.reason)),
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
          textContent: p.seniorId + ' · ' + t('due') + ' ' + new Date(p.dueAt).toLocaleTimeString(I.locale()) + ' · '
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
  I.onChange(render);
  render();
  today();
})();
