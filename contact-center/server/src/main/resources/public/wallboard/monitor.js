// Supervisor monitoring: the live conversations, and one watched at a time in a mode: SILENT
// (read-only), WHISPER (a note only the operator sees) or BARGE (writing to the citizen as the
// supervisor). Every mode change is a server-side, audited session. Uses the wallboard's login;
// message text is only ever set with textContent.
(function () {
  'use strict';
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
      c.connectedAt ? new Date(c.connectedAt).toLocaleTimeString() : ''].forEach(text => {
      tr.appendChild(Object.assign(document.createElement('td'), {textContent: text}));
    });
    const button = Object.assign(document.createElement('button'), {type: 'button', className: 'watch', textContent: 'Monitor'});
    button.setAttribute('aria-label', 'Monitor the conversation of ' + c.agentName);
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
    $('watch-title').textContent = 'Monitoring ' + c.agentName + ' · ' + c.channel;
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
      const voice = watched.channel === 'VOICE';
      $('watch-state').textContent = (voice ? 'Your phone rings: answer it to join the call. ' : '') + {
        SILENT: voice ? 'Listening: neither the caller nor the operator hears you; the operator sees a "monitored" mark.'
          : 'Silent: read-only; the operator sees a "monitored" mark.',
        WHISPER: voice ? 'Whisper: only the operator hears you.' : 'Whisper: what you write only the operator sees.',
        BARGE: voice ? 'Barge-in: the caller and the operator both hear you.'
          : 'Barge-in: what you write goes to the citizen, as you.'}[mode];
      $('say').hidden = mode === 'SILENT';
      $('say-label').textContent = mode === 'BARGE' ? 'Message to the citizen' : 'Whisper to the operator';
    } catch (e) { $('watch-state').textContent = 'Not changed: ' + e.message; }
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
        li.append(Object.assign(document.createElement('span'), {className: 'who', textContent: (m.direction === 'IN' ? 'Citizen' : m.author || '') + ': '}),
          Object.assign(document.createElement('span'), {className: 'body', textContent: m.body}));
        return li;
      }));
    } catch (e) { $('watch-state').textContent = 'Conversation over or unavailable (' + e.message + ')'; }
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
  floor();
  setInterval(floor, 3000);
})();
