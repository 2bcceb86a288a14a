// Supervisor monitoring: the live conversations, and one watched at a time in a mode: SILENT
// (read-only), WHISPER (a note only the operator sees) or BARGE (writing to the citizen as the
// supervisor). Every mode change is a server-side, audited session. Uses the wallboard's login;
// message text is only ever set with textContent. In the six languages of the wallboard's catalogue
// (texts/<code>.js, keys mo_…).
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  const token = sessionStorage.getItem('onenumber.token');
  if (!token) { location.href = 'index.html'; return; }
  let watched = null;
  let mode = null;
  let logTimer = null;

  async function call(method, path, body) {
    const res = await fetch(path, {method, headers: Object.assign({Authorization: 'Bearer ' + token, Accept: 'application/json'},
      body ? {'Content-Type': 'application/json'} : {}), body: body ? JSON.stringify(body) : undefined});
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new Error((data && data.message) || ('HTTP ' + res.status));
    return data;
  }

  let queueNames = null;

  async function floor() {
    try {
      if (!queueNames) queueNames = new Map(((await call('GET', '/api/v1/queues')).items || []).map(q => [q.id, q.name]));
      const live = (await call('GET', '/api/v1/monitor/conversations')).items || [];
      $('floor-error').textContent = '';
      document.querySelector('#live tbody').replaceChildren(...live.map(row));
    } catch (e) { $('floor-error').textContent = e.message; }
  }

  function row(c) {
    const tr = document.createElement('tr');
    tr.dataset.contact = c.contactId;
    [c.agentName + ' (' + c.agentId + ')', c.channel, c.language, queueNames.get(c.queueId) || c.queueId || '',
      c.connectedAt ? I.time(c.connectedAt) : ''].forEach(text => {
      tr.appendChild(Object.assign(document.createElement('td'), {textContent: text}));
    });
    const button = Object.assign(document.createElement('button'), {type: 'button', className: 'watch', textContent: I.t('mo_watch')});
    button.setAttribute('aria-label', I.fill('mo_watchLabel', {name: c.agentName}));
    button.addEventListener('click', () => watch(c));
    const td = document.createElement('td');
    td.appendChild(button);
    tr.appendChild(td);
    return tr;
  }

  async function watch(c) {
    if (watched && watched.contactId !== c.contactId) await stop();
    watched = c;
    $('watch').hidden = false;
    $('watch-title').textContent = I.fill('mo_watchingOf', {name: c.agentName, channel: c.channel});
    await setMode('SILENT');
    clearInterval(logTimer);
    logTimer = setInterval(log, 1500);
    log();
  }

  async function setMode(next) {
    try {
      await call('POST', '/api/v1/monitor/conversations/' + watched.contactId + '/session', {mode: next});
      mode = next;
      document.querySelectorAll('[data-mode]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.mode === mode)));
      stateTexts();
      $('say').hidden = mode === 'SILENT';
    } catch (e) { $('watch-state').textContent = I.fill('mo_notChanged', {error: e.message}); }
  }

  /** The mode's explanation and the message box's label, in the chosen language. */
  function stateTexts() {
    if (!watched || !mode) return;
    const voice = watched.channel === 'VOICE';
    $('watch-state').textContent = (voice ? I.t('mo_ring') : '') + I.t('mo_' + mode + (voice ? '_voice' : '_text'));
    $('say-label').textContent = I.t(mode === 'BARGE' ? 'mo_toCitizen' : 'mo_WHISPER');
  }

  async function stop() {
    if (!watched) return;
    clearInterval(logTimer);
    try { await call('DELETE', '/api/v1/monitor/conversations/' + watched.contactId + '/session'); } catch (e) { /* already over */ }
    watched = null;
    mode = null;
    $('watch').hidden = true;
  }

  async function log() {
    if (!watched) return;
    try {
      const items = (await call('GET', '/api/v1/contacts/' + watched.contactId + '/messages')).items || [];
      $('watch-log').replaceChildren(...items.map(m => {
        const li = Object.assign(document.createElement('li'), {className: m.direction});
        li.append(Object.assign(document.createElement('span'), {className: 'who', textContent: (m.direction === 'IN' ? I.t('qaCitizenSaid') : m.author || '') + ': '}),
          Object.assign(document.createElement('span'), {className: 'body', textContent: m.body}));
        return li;
      }));
    } catch (e) { $('watch-state').textContent = I.fill('mo_over', {error: e.message}); }
  }

  $('say').addEventListener('submit', async event => {
    event.preventDefault();
    const text = $('say-text').value.trim();
    if (!text || !watched) return;
    const path = '/api/v1/monitor/conversations/' + watched.contactId + (mode === 'BARGE' ? '/messages' : '/whisper');
    try {
      await call('POST', path, {body: text});
      $('say-text').value = '';
      $('say-error').textContent = '';
      log();
    } catch (e) { $('say-error').textContent = e.message; }
  });
  document.querySelectorAll('[data-mode]').forEach(b => b.addEventListener('click', () => setMode(b.dataset.mode)));
  $('stop').addEventListener('click', stop);
  window.addEventListener('pagehide', () => { if (watched) stop(); });
  I.onChange(() => {
    floor();
    if (watched) $('watch-title').textContent = I.fill('mo_watchingOf', {name: watched.agentName, channel: watched.channel});
    stateTexts();
  });
  I.apply();
  floor();
  setInterval(floor, 3000);
})();
