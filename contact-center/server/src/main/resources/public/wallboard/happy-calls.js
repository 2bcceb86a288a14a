// The Happy-call page for supervisors, over /api/v1/happy-calls: the results of the surveys due in
// the last 7 days (sent, answered, answer rate, average score), the answers per score 1-5 as a bar
// chart and the same table, and the follow-up tasks opened by low scores (contact id, score, time;
// nobody named). Uses the wallboard's login; texts are set with textContent only.
// In the six languages of the wallboard's catalogue (texts/<code>.js, keys hc_…).
(function () {
  'use strict';
  const FIGURES = ['surveys', 'waiting', 'sent', 'answered', 'skipped', 'answeredPercent', 'averageScore'];
  const $ = id => document.getElementById(id);
  const token = sessionStorage.getItem('onenumber.token');
  if (!token) { location.href = 'index.html'; return; }
  const I = window.I18N;
  let summary = null;
  let followUps = [];
  const t = key => I.t('hc_' + key);
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
    I.apply();
    document.querySelectorAll('[data-h]').forEach(el => { el.textContent = t(el.dataset.h); });
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
      String(f.score), new Date(f.openedAt).toLocaleString(I.locale()))));
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
  I.onChange(render);
  render();
  load();
})();
