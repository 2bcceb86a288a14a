// Staffing page: posts the forecast to /api/v1/staffing (supervisor token from the wallboard
// login) and shows agents needed per interval.
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  const token = sessionStorage.getItem('onenumber.token');
  if (!token) { location.href = 'index.html'; return; }
  const ONE_DECIMAL = {minimumFractionDigits: 1, maximumFractionDigits: 1};
  const pct = v => v == null ? '–' : I.number(v, Object.assign({style: 'percent'}, ONE_DECIMAL));
  $('plan').addEventListener('submit', async event => {
    event.preventDefault();
    document.querySelectorAll('#plan input').forEach(i => i.removeAttribute('aria-invalid'));
    const volumes = $('volumes').value.split(/[,\s]+/).filter(Boolean);
    const bad = volumes.findIndex(v => !Number.isFinite(Number(v)) || Number(v) < 0);
    const badField = ['interval', 'aht', 'target', 'threshold', 'patience'].find(id => !Number.isFinite(Number($(id).value)) || $(id).value === '');
    if (!volumes.length || bad >= 0 || badField) {
      const input = badField ? $(badField) : $('volumes');
      input.setAttribute('aria-invalid', 'true');
      const label = input.closest('label').querySelector('span').textContent;
      $('error').textContent = label + ': ' + (badField ? I.t('badNumber') : '"' + (volumes[bad] ?? '') + '" — ' + I.t('volumeHelp'));
      input.focus();
      return;
    }
    const body = {
      volumes: volumes.map(Number),
      intervalMinutes: Number($('interval').value), ahtSeconds: Number($('aht').value),
      targetServiceLevel: Number($('target').value) / 100, thresholdSeconds: Number($('threshold').value),
      patienceSeconds: Number($('patience').value)
    };
    const res = await fetch('/api/v1/staffing', {method: 'POST',
      headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + token}, body: JSON.stringify(body)});
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) { $('error').textContent = answer.message || ('HTTP ' + res.status); return; }
    $('error').textContent = '';
    $('model').textContent = answer.model + ' · ' + I.t('peak') + ' ' + answer.peakAgents;
    const tbody = document.querySelector('#result tbody');
    tbody.innerHTML = '';
    answer.intervals.forEach(r => {
      const tr = document.createElement('tr');
      [r.volume, r.loadErlangs, r.agents, pct(r.serviceLevel), r.asaSeconds == null ? '–' : I.number(r.asaSeconds, ONE_DECIMAL) + I.t('seconds'),
        pct(r.occupancy), pct(r.abandonProbability)].forEach(text => {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  });
  I.apply();
})();
