// The department portal: staff sign in, work their inbox (new, mine, due soon, overdue) and each
// case (accept, note, ask the citizen, reassign, resolve). Every action sends the version shown;
// a 409 reloads the case and says so. Texts are set with textContent only.
'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const KEY = 'onenumber.dept.token';
  let token = sessionStorage.getItem(KEY);
  let department = null;
  let view = 'new';
  let current = null;
  let inboxTicket = 0;
  const photoUrls = [];
  let alerts = null;   // the overdue alert stream while signed in   // blob URLs of the open case's photos, revoked on the next case

  function claims(jwt) {
    try {
      const bytes = atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'));
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(bytes, ch => ch.charCodeAt(0))));
    } catch (e) {
      return {};
    }
  }

  async function api(method, path, body) {
    const res = await fetch(path, {method, headers: Object.assign({Authorization: 'Bearer ' + token,
      Accept: 'application/json'}, body ? {'Content-Type': 'application/json'} : {}),
      body: body ? JSON.stringify(body) : undefined});
    if (res.status === 401) { signedOut(); throw new Error('signed out'); }
    const json = res.headers.get('content-type')?.includes('json') ? await res.json() : {};
    if (!res.ok) { const e = new Error(json.message || res.statusText); e.status = res.status; throw e; }
    return json;
  }

  function applyLanguage() {
    document.documentElement.lang = I.lang;
    document.querySelectorAll('[data-t]').forEach(el => { el.textContent = I.t(el.dataset.t); });
    $('lang').lang = I.lang === 'ko' ? 'en' : 'ko';
    if (current) { renderCase(current.c, current.messages); window.CaseCategory.rerender(); }
  }

  function when(iso) {
    return new Date(iso).toLocaleString(I.lang === 'ko' ? 'ko-KR' : 'en-GB', {dateStyle: 'medium', timeStyle: 'short'});
  }

  function signedOut() {
    sessionStorage.removeItem(KEY);
    token = null;
    $('login').hidden = false;
    $('inbox').hidden = true;
    $('case').hidden = true;
    $('logout').hidden = true;
    $('alerts-section').hidden = true;
    $('alerts').replaceChildren();
    if (alerts) { alerts.close(); alerts = null; }
    $('username').focus();
  }

  async function signIn(event) {
    event.preventDefault();
    const res = await fetch('/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({username: $('username').value, password: $('password').value})});
    const body = res.ok ? await res.json() : {};
    const c = body.access_token ? claims(body.access_token) : {};
    const roles = c.roles || [];
    if (!res.ok || !(roles.includes('DEPARTMENT_STAFF') || roles.includes('SUPERVISOR') || roles.includes('ADMIN'))) {
      $('login-error').textContent = I.t('loginFailed');
      return;
    }
    token = body.access_token;
    sessionStorage.setItem(KEY, token);
    start();
  }

  function start() {
    const c = claims(token);
    department = c.department || new URLSearchParams(location.search).get('department') || 'water';
    $('who').textContent = (c.name || c.sub || '') + ' · ' + department;
    $('login').hidden = true;
    $('logout').hidden = false;
    loadDepartments();
    showInbox();
    if (alerts) alerts.close();
    alerts = window.CaseAlerts.open(token, showAlert, showCallInvite, showAlert);
  }

  /**
   * An operator invites this department into a call (pushed): "Join the call" opens the call page
   * as its third party (voice and video; the first of the department's staff to join, once), "Not now" dismisses.
   */
  function showCallInvite(i) {
    const li = document.createElement('li');
    li.className = 'call-invite';
    const what = document.createElement('p');
    what.textContent = I.t(i.mode === 'sign' ? 'callInviteSign' : 'callInviteVoice') + (i.fromName || i.from || '');
    const join = document.createElement('button');
    join.type = 'button';
    join.className = 'join-call';
    join.textContent = I.t('joinCall');
    join.addEventListener('click', () => {
      location.href = '/call/?staff=' + encodeURIComponent(i.contactId) + '&lang=' + (I.lang === 'ko' ? 'ko' : 'en');
    });
    const later = document.createElement('button');
    later.type = 'button';
    later.className = 'secondary';
    later.textContent = I.t('notNow');
    later.addEventListener('click', () => {
      li.remove();
      $('call-invites-section').hidden = !$('call-invites').children.length;
    });
    li.append(what, join, later);
    $('call-invites').prepend(li);
    $('call-invites-section').hidden = false;
  }

  /**
   * A case of this department went overdue or was rated low (pushed): say so, with a button to open it;
   * refresh the inbox.
   */
  function showAlert(a) {
    const li = document.createElement('li');
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = I.t(a.kind === 'LOW_RATING' ? 'lowRatingAlert' : 'overdueAlert') + a.caseId;
    open.addEventListener('click', () => openCase(a.caseId));
    li.append(open);
    $('alerts').prepend(li);
    $('alerts-section').hidden = false;
    if (!$('inbox').hidden) showInbox();
  }

  async function loadDepartments() {
    const list = await api('GET', '/api/v1/departments');
    $('department').replaceChildren(...list.items.filter(d => d.id !== department).map(d => {
      const option = document.createElement('option');
      option.value = d.id;
      option.textContent = I.lang === 'ko' ? d.nameKo : d.nameEn;
      return option;
    }));
  }

  async function showInbox() {
    current = null;
    $('answer-status').textContent = '';
    $('case').hidden = true;
    $('inbox').hidden = false;
    document.querySelectorAll('[data-view]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.view === view)));
    const ticket = ++inboxTicket;
    const list = await api('GET', '/api/v1/departments/' + encodeURIComponent(department) + '/inbox?view=' + view);
    if (ticket !== inboxTicket || current) {
      return; // a later view was asked for, or a case was opened, while this one loaded
    }
    const now = Date.now();
    $('cases').replaceChildren(...list.items.map(c => {
      const row = document.createElement('tr');
      const open = document.createElement('button');
      open.type = 'button';
      open.textContent = c.id;
      open.addEventListener('click', () => openCase(c.id));
      const cells = [open, c.category, I.t('status_' + c.status), when(c.dueAt)].map(content => {
        const td = document.createElement('td');
        td.append(content);
        return td;
      });
      if (Date.parse(c.dueAt) < now) { cells[3].className = 'overdue'; }
      row.append(...cells);
      return row;
    }));
    $('empty').hidden = list.items.length > 0;
    try {
      window.DepartmentSatisfaction.show(await api('GET', '/api/v1/reports/departments?department='
        + encodeURIComponent(department)));
    } catch (e) {
      $('satisfaction-table').hidden = true;   // the figures are a courtesy; the inbox stands without them
    }
  }

  async function openCase(id) {
    const c = await api('GET', '/api/v1/cases/' + encodeURIComponent(id));
    const messages = [];
    for (const contact of c.contacts) {
      try {
        messages.push(...(await api('GET', '/api/v1/contacts/' + encodeURIComponent(contact) + '/messages')).items);
      } catch (e) { /* a call has no messages */ }
    }
    messages.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    let attachments = [];
    try {
      attachments = (await api('GET', '/api/v1/cases/' + encodeURIComponent(id) + '/attachments')).items;
    } catch (e) { /* shown as no photos */ }
    let links = [];
    try {
      links = (await api('GET', '/api/v1/cases/' + encodeURIComponent(id) + '/media-links')).items;
    } catch (e) { /* shown as none */ }
    current = {c, messages, attachments, links};
    renderCase(c, messages);
    window.CaseCategory.show(api, id).catch(() => { $('category-form').hidden = true; });
    showPhotos(c, attachments);
    $('inbox').hidden = true;
    $('case').hidden = false;
    $('case-title').focus();
  }

  /** The case's photos, each fetched with the token (every read is audited) into a blob URL. */
  async function showPhotos(c, items) {
    photoUrls.forEach(url => URL.revokeObjectURL(url));
    photoUrls.length = 0;
    const base = '/api/v1/cases/' + encodeURIComponent(c.id) + '/attachments';
    $('photos-section').hidden = items.length === 0;
    $('photos').replaceChildren();
    for (const [i, a] of items.entries()) {
      const res = await fetch(base + '/' + encodeURIComponent(a.id), {headers: {Authorization: 'Bearer ' + token}});
      if (!res.ok) continue;
      const url = URL.createObjectURL(await res.blob());
      photoUrls.push(url);
      const li = document.createElement('li');
      const img = document.createElement('img');
      img.src = url;
      img.alt = I.t('photo') + ' ' + (i + 1) + ' · ' + when(a.addedAt) + ' · ' + a.source;
      img.id = 'photo-' + a.id;
      img.tabIndex = -1;
      li.append(img);
      $('photos').append(li);
    }
  }

  function renderCase(c, messages) {
    $('case-title').textContent = c.id + ' · ' + c.category;
    $('case-title').tabIndex = -1;
    $('case-status').textContent = I.t('status_' + c.status);
    $('case-due').textContent = when(c.dueAt);
    $('case-assignee').textContent = c.assignee || I.t('none');
    $('case-summary').textContent = c.summary;
    const welfare = c.category === 'welfare-check';
    $('welfare-outcome-row').hidden = !welfare;
    $('welfare-outcome').required = welfare;
    $('transcript').replaceChildren(...messages.map(m => {
      const li = document.createElement('li');
      li.className = m.direction === 'IN' ? 'in' : 'out';
      li.textContent = (m.direction === 'IN' ? I.t('citizen') : I.t('staff')) + ' · ' + when(m.at) + ': ' + m.body;
      return li;
    }));
    const rows = c.history.map(h => {
      const parts = [when(h.at), h.author, I.t('status_' + h.status), h.kind];
      if (h.kind === 'RATED') { parts.push(I.t('ratedRow') + ' ' + h.detail + ' / 5'); }
      if (h.publicNote) { parts.push('“' + h.publicNote + '”'); }
      if (h.note) { parts.push('(' + h.note + ')'); }
      return {at: h.at, text: parts.join(' · ')};
    }).concat(((current && current.attachments) || []).map(a => ({at: a.addedAt, text: [when(a.addedAt),
      a.addedBy || a.source, I.t('photoAdded'), a.mediaType, Math.max(1, Math.round(a.sizeBytes / 1024)) + ' KB']
      .join(' · ')})));
    rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const links = (current && current.links) || [];
    $('links-section').hidden = links.length === 0;
    $('media-links').replaceChildren(...links.map(l => {
      const li = document.createElement('li');
      const parts = [when(l.createdAt), l.source, I.t('link_' + l.state), l.attempts + ' ' + I.t('tries')];
      if (l.state === 'FAILED' && l.error) { parts.push(l.error); }
      li.textContent = parts.join(' · ') + ' — ' + l.url;
      if (l.state === 'DONE') {
        // The fetched picture is the attachment with the link's id: the button moves the focus to it.
        const show = document.createElement('button');
        show.type = 'button';
        show.className = 'secondary';
        show.textContent = I.t('showPhoto');
        show.addEventListener('click', () => { const img = $('photo-' + l.id); if (img) img.focus(); });
        li.append(' ', show);
      }
      return li;
    }));
    $('history').replaceChildren(...rows.map(r => {
      const li = document.createElement('li');
      li.textContent = r.text;
      return li;
    }));
    $('accept').hidden = !(c.status === 'OPEN' || c.status === 'REOPENED');
    $('to-answer').hidden = !publicAnswer(c);
  }

  /** The public answer that resolved the case, if it is resolved. */
  function publicAnswer(c) {
    const resolved = c.history.filter(h => h.status === 'RESOLVED' && h.kind === 'STATUS' && h.publicNote);
    return resolved.length ? resolved[resolved.length - 1].publicNote : null;
  }

  // "Turn this answer into a knowledge-base answer": a draft in AnswerDesk, credited to whoever
  // clicks, in the answer's script's language; it is reviewed and published there.
  async function toAnswer() {
    const c = current.c;
    const body = publicAnswer(c);
    try {
      const draft = await api('POST', '/api/v1/answers', {title: c.category + ': ' + c.summary.slice(0, 150), body,
        language: /[\uac00-\ud7a3]/.test(body) ? 'ko' : 'en', department: c.department, category: c.category});
      $('answer-status').dataset.answerId = draft.id;
      $('answer-status').textContent = I.t('draftCreated') + draft.title;
    } catch (e) {
      if (e.message !== 'signed out') { $('answer-status').textContent = I.t('failed') + e.message; }
    }
  }

  async function act(action, body, form) {
    $('action-error').textContent = '';
    try {
      const c = await api('POST', '/api/v1/cases/' + encodeURIComponent(current.c.id) + '/' + action,
        Object.assign({version: current.c.version}, body));
      if (form) { form.reset(); }
      current.c = c;
      await openCase(c.id);
    } catch (e) {
      if (e.status === 409) {
        await openCase(current.c.id);
        $('action-error').textContent = I.t('conflict');
      } else if (e.message !== 'signed out') {
        $('action-error').textContent = I.t('failed') + e.message;
      }
    }
  }

  /** A staff photo: read as a data URL and posted; the server sniffs the type and audits the upload. */
  async function uploadPhoto(event) {
    event.preventDefault();
    $('action-error').textContent = '';
    const file = $('photo-file').files[0];
    if (!file) { return; }
    const dataUrl = await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
    try {
      await api('POST', '/api/v1/cases/' + encodeURIComponent(current.c.id) + '/attachments', {photo: dataUrl});
      event.target.reset();
      await openCase(current.c.id);
      $('answer-status').textContent = I.t('uploaded');
    } catch (e) {
      if (e.message !== 'signed out') { $('action-error').textContent = I.t('failed') + e.message; }
    }
  }

  function on(id, action, body) {
    $(id).addEventListener('submit', event => { event.preventDefault(); act(action, body(), event.target); });
  }

  document.addEventListener('DOMContentLoaded', () => {
    applyLanguage();
    $('login').addEventListener('submit', signIn);
    $('logout').addEventListener('click', () => { window.SessionRenewal?.logout(token); signedOut(); });
    $('lang').addEventListener('click', () => { I.lang = I.lang === 'ko' ? 'en' : 'ko'; applyLanguage(); });
    $('back').addEventListener('click', showInbox);
    document.querySelectorAll('[data-view]').forEach(b => b.addEventListener('click', () => { view = b.dataset.view; showInbox(); }));
    $('accept').addEventListener('click', () => act('accept', {}));
    $('to-answer').addEventListener('click', toAnswer);
    $('photo-form').addEventListener('submit', uploadPhoto);
    $('category-form').addEventListener('submit', event => {
      event.preventDefault();
      window.CaseCategory.change(api, current.c.id).catch(e => { $('action-error').textContent = I.t('failed') + e.message; });
    });
    on('note-form', 'notes', () => ({note: $('note').value, publicNote: $('public-note').value}));
    on('ask-form', 'questions', () => ({question: $('question').value}));
    on('reassign-form', 'reassign', () => ({department: $('department').value, reason: $('reason').value}));
    on('resolve-form', 'resolve', () => ({publicAnswer: $('answer').value,
      welfareOutcome: $('welfare-outcome').value || undefined}));
    if (token) { start(); } else { signedOut(); }
  });
})();
