// Reform board: tag an issue picked from the alerts or the map (a live emerging issue's key, a
// type city-wide, or the key the hotspot page passed as ?issue=) with its cause and open a reform
// task on a step of the city's ladder; climb it step by step and close it; every row shows the
// category's daily volume before and after the fix (GET /api/v1/reform/tasks) and opens the task's
// contacts and cases: the linked ones, and the category's drill-down to pick more from.
// Supervisors, administrators and analysts (token from the wallboard's sign-in).
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  if (!window.StaffApi.token) { location.href = 'index.html'; return; }
  const call = window.StaffApi.call;
  const form = $('open-task');
  let board = { ladder: [], causes: [], items: [] };
  let taxonomy = { types: [] };
  let alerts = [];
  let shown = null;
  const wanted = new URLSearchParams(location.search).get('issue');

  const option = (value, label) => Object.assign(document.createElement('option'), { value, textContent: label });
  const typeName = code => {
    const t = taxonomy.types.find(x => x.code === code);
    return t ? (I.lang === 'ko' ? t.nameKo : t.nameEn) : code;
  };

  /** An issue key's label: the type's name and where (city-wide, an area), or the cell. */
  function issueLabel(key) {
    const at = key.indexOf('@');
    if (at < 0) return key;
    return typeName(key.slice(0, at)) + ' — ' + (key.endsWith('@city') ? I.t('rfCity') : I.t('rfArea') + ' ' + key.slice(at + 6));
  }

  function fillIssues() {
    const chosen = form.issue.value || wanted;
    const keys = [...new Set([...(wanted ? [wanted] : []), ...alerts.map(i => i.key),
      ...taxonomy.types.map(t => t.code + '@city')])];
    form.issue.replaceChildren(...keys.map(k => option(k, issueLabel(k))));
    if (chosen) form.issue.value = chosen;
    followIssue();
  }

  /** The type measured follows the issue picked (a burst's type). */
  function followIssue() {
    const key = form.issue.value;
    if (key && key.includes('@')) form.type.value = key.slice(0, key.indexOf('@'));
  }

  function fillForm() {
    form.type.replaceChildren(...taxonomy.types.map(t => option(t.code, typeName(t.code))));
    form.cause.replaceChildren(...board.causes.map(c => option(c, I.t('rfCause' + c))));
    form.step.replaceChildren(...board.ladder.map((s, i) => option(String(i + 1), (i + 1) + '. ' + s)));
  }

  function cell(tr, text) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function button(td, label, action) {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    b.addEventListener('click', action);
    td.appendChild(b);
  }

  function render() {
    const tbody = document.querySelector('#tasks tbody');
    tbody.replaceChildren();
    board.items.forEach(task => {
      const tr = document.createElement('tr');
      const f = task.beforeAfter;
      cell(tr, task.title);
      cell(tr, typeName(task.type));
      cell(tr, I.t('rfCause' + task.cause));
      cell(tr, task.step + '. ' + task.stepName);
      cell(tr, I.t('rf' + task.status));
      cell(tr, task.owner);
      cell(tr, task.due);
      cell(tr, f.beforePerDay + ' (' + f.before + ')');
      cell(tr, f.afterPerDay + ' (' + f.after + ')');
      cell(tr, f.change == null ? '–' : Math.round(f.change * 100) + '%');
      const actions = cell(tr, '');
      if (task.status === 'OPEN') {
        if (task.step < board.ladder.length) {
          button(actions, I.t('rfClimb') + ' → ' + (task.step + 1), () => act('climb', task, { step: task.step + 1 }));
        }
        button(actions, I.t('rfClose'), () => act('close', task, {}));
      }
      button(actions, I.t('rfLinks'), () => showLinks(task));
      tbody.appendChild(tr);
    });
    $('no-tasks').hidden = board.items.length > 0;
  }

  async function act(what, task, body) {
    try {
      await call('POST', '/api/v1/reform/tasks/' + encodeURIComponent(task.id) + '/' + what, body);
      $('status').textContent = I.t(what === 'climb' ? 'rfClimbed' : 'rfClosed') + ': ' + task.title;
      await load();
    } catch (e) {
      $('status').textContent = e.message;
    }
  }

  function linkRow(tbody, kind, r, pick) {
    const tr = document.createElement('tr');
    if (pick) {
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: r.id });
      box.dataset.kind = kind;
      box.setAttribute('aria-label', I.t('rfPick') + ' ' + I.t(kind === 'contact' ? 'rfContact' : 'rfCase') + ' ' + r.id);
      cell(tr, '').appendChild(box);
    }
    cell(tr, I.t(kind === 'contact' ? 'rfContact' : 'rfCase') + ' ' + r.id.slice(0, 8));
    cell(tr, (r.createdAt || r.openedAt).slice(0, 16).replace('T', ' '));
    cell(tr, kind === 'contact' ? r.channel + ' · ' + r.language : r.department);
    cell(tr, r.state || r.status);
    tbody.appendChild(tr);
  }

  function fillRows(selector, answer, pick) {
    const tbody = document.querySelector(selector + ' tbody');
    tbody.replaceChildren();
    answer.contacts.forEach(r => linkRow(tbody, 'contact', r, pick));
    answer.cases.forEach(r => linkRow(tbody, 'case', r, pick));
    if (!tbody.children.length) {
      const tr = document.createElement('tr');
      const td = cell(tr, I.t('rfNoRows'));
      td.colSpan = pick ? 5 : 4;
      tbody.appendChild(tr);
    }
  }

  /** The task's linked contacts and cases, and its category's drill-down to pick from. */
  async function showLinks(task) {
    shown = task;
    const base = '/api/v1/reform/tasks/' + encodeURIComponent(task.id);
    try {
      const [linked, drill] = await Promise.all([call('GET', base + '/links'), call('GET', base + '/drill-down')]);
      fillRows('#linked', linked, false);
      fillRows('#drill', drill, true);
      $('links-title').textContent = I.t('rfLinksFor').replace('{title}', task.title);
      $('links').hidden = false;
      $('links').dataset.task = task.id;
      $('links-title').focus();
    } catch (e) {
      $('status').textContent = e.message;
    }
  }

  $('link-selected').addEventListener('click', async () => {
    const picked = [...document.querySelectorAll('#drill input:checked')];
    const body = { contacts: picked.filter(b => b.dataset.kind === 'contact').map(b => b.value),
      cases: picked.filter(b => b.dataset.kind === 'case').map(b => b.value) };
    try {
      await call('POST', '/api/v1/reform/tasks/' + encodeURIComponent(shown.id) + '/links', body);
      $('status').textContent = I.t('rfLinkedNow') + ': ' + picked.length;
      await showLinks(shown);
    } catch (e) {
      $('status').textContent = e.message;
    }
  });
  $('links-hide').addEventListener('click', () => { $('links').hidden = true; shown = null; });
  form.issue.addEventListener('change', followIssue);

  async function load() {
    board = await call('GET', '/api/v1/reform/tasks');
    render();
  }

  async function start() {
    I.apply();
    [board, taxonomy] = await Promise.all([call('GET', '/api/v1/reform/tasks'), call('GET', '/api/v1/analytics/taxonomy')]);
    fillForm();
    fillIssues();
    render();
    alerts = (await call('GET', '/api/v1/analytics/issues').catch(() => ({ issues: [] }))).issues;
    fillIssues();
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    data.step = Number(data.step || 1);
    try {
      const task = await call('POST', '/api/v1/reform/tasks', data);
      $('status').textContent = I.t('rfOpened') + ': ' + task.title;
      form.reset();
      followIssue();
      await load();
    } catch (e) {
      $('status').textContent = e.message;
    }
  });
  I.onChange(() => {
    fillForm(); fillIssues(); render();
    if (shown) showLinks(shown);
  });
  start().catch(e => { $('status').textContent = e.message; });
})();
