// Quality evaluation page (supervisors): draw a random or one operator's sample of closed chat/SMS
// contacts, read a contact's transcript, score it against the standard form's weighted criteria
// (one select per criterion, keyboard only) and see the calibration: every evaluator's score of
// that contact and their spread. API: /api/v1/quality/*, the contact's messages.
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  if (!window.StaffApi.token) { location.href = 'index.html'; return; }
  const call = window.StaffApi.call;
  let form = null;
  let contact = null;

  function criteria() {
    $('criteria').replaceChildren(...form.criteria.map(c => {
      const label = document.createElement('label');
      const span = Object.assign(document.createElement('span'), { textContent: I.t('qa_' + c.code) + ' (×' + c.weight + ')' });
      const select = Object.assign(document.createElement('select'), { name: c.code });
      for (let p = form.maxPoints; p >= 0; p--) select.appendChild(Object.assign(document.createElement('option'), { value: String(p), textContent: String(p) }));
      label.append(span, ' ', select);
      return label;
    }));
  }

  async function open(id) {
    contact = id;
    const messages = await call('GET', '/api/v1/contacts/' + encodeURIComponent(id) + '/messages');
    $('transcript').replaceChildren(...messages.items.map(m => Object.assign(document.createElement('li'), {
      textContent: (m.direction === 'OUT' ? I.t('qaOperatorSaid') : I.t('qaCitizenSaid')) + ': ' + m.body })));
    $('score').hidden = false;
    $('score').querySelector('select').focus();
    await calibration();
  }

  async function calibration() {
    const answer = await call('GET', '/api/v1/quality/contacts/' + encodeURIComponent(contact) + '/calibration');
    const tbody = document.querySelector('#calibration tbody');
    tbody.replaceChildren(...answer.evaluations.map(e => {
      const tr = document.createElement('tr');
      [e.evaluator, String(e.percent)].forEach(text => tr.appendChild(Object.assign(document.createElement('td'), { textContent: text })));
      return tr;
    }));
    const s = answer.spread;
    $('spread').textContent = s.evaluators ? I.t('qaSpread').replace('{n}', s.evaluators).replace('{mean}', s.mean)
      .replace('{min}', s.min).replace('{max}', s.max).replace('{sd}', s.deviation) : '';
  }

  $('sample').addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData($('sample'));
    try {
      const answer = await call('POST', '/api/v1/quality/samples', { size: Number(data.get('size') || 5),
        operator: data.get('operator') || undefined });
      $('sampled').replaceChildren(...answer.contacts.map(id => {
        const li = document.createElement('li');
        const b = Object.assign(document.createElement('button'), { type: 'button', textContent: I.t('qaOpen') + ' ' + id.slice(0, 8) });
        b.addEventListener('click', () => open(id).catch(e => { $('status').textContent = e.message; }));
        li.appendChild(b);
        return li;
      }));
      $('status').textContent = I.t('qaDrawn').replace('{n}', answer.contacts.length);
    } catch (e) {
      $('status').textContent = e.message;
    }
  });

  $('score').addEventListener('submit', async event => {
    event.preventDefault();
    const points = {};
    form.criteria.forEach(c => { points[c.code] = Number($('score').querySelector('select[name=' + c.code + ']').value); });
    try {
      const e = await call('POST', '/api/v1/quality/evaluations', { form: form.id, contact, points });
      $('status').textContent = I.t('qaSaved').replace('{p}', e.percent);
      await calibration();
    } catch (e) {
      $('status').textContent = e.message;
    }
  });

  I.onChange(() => { if (form) criteria(); });
  I.apply();
  call('GET', '/api/v1/quality/forms').then(answer => {
    form = answer.items.find(f => f.id === 'standard') || answer.items[0];
    criteria();
  }).catch(e => { $('status').textContent = e.message; });
})();
