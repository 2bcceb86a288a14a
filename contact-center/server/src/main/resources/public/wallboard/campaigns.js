// Supervisors' SMS campaigns over /api/v1/campaigns: compose (audience, text, send time, throughput
// limit), preview (how many citizens, never who), schedule, and every campaign's delivery figures
// (sent, delivered, failed, skipped because of STOP), refreshed on demand. Uses the wallboard's
// login; texts are set with textContent only.
// In the six languages of the wallboard's catalogue (texts/<code>.js, keys cp_…).
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const token = sessionStorage.getItem('onenumber.token');
  if (!token) { location.href = 'index.html'; return; }
  const I = window.I18N;
  let campaigns = [];
  const t = key => I.t('cp_' + key);

  function applyTexts() {
    I.apply();
    document.querySelectorAll('[data-c]').forEach(el => { el.textContent = t(el.dataset.c); });
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
      const cells = [c.name, audience, new Date(c.sendAt).toLocaleString(I.locale()),
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
  I.onChange(applyTexts);
  applyTexts();
  load();
})();
