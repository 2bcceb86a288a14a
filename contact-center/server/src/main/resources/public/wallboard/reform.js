// Reform board: tag an issue (a live emerging issue's key, or a type) with its cause and open a
// reform task on a step of the city's ladder; climb it step by step and close it; every row shows
// the category's daily volume before and after the fix (GET /api/v1/reform/tasks). Supervisors,
// administrators and analysts (token from the wallboard's sign-in).
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  if (!window.StaffApi.token) { location.href = 'index.html'; return; }
  const call = window.StaffApi.call;
  const form = $('open-task');
  let board = { ladder: [], causes: [], items: [] };
  let taxonomy = { types: [] };

  const option = (value, label) => Object.assign(document.createElement('option'), { value, textContent: label });
  const typeName = code => {
    const t = taxonomy.types.find(x => x.code === code);
    return t ? (I.lang === 'ko' ? t.nameKo : t.nameEn) : code;
  };

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

  async function load() {
    board = await call('GET', '/api/v1/reform/tasks');
    render();
  }

  async function start() {
    I.apply();
    [board, taxonomy] = await Promise.all([call('GET', '/api/v1/reform/tasks'), call('GET', '/api/v1/analytics/taxonomy')]);
    fillForm();
    render();
    const issues = await call('GET', '/api/v1/analytics/issues').catch(() => ({ issues: [] }));
    $('issue-keys').replaceChildren(...issues.issues.map(i => option(i.key, (I.lang === 'ko' ? i.nameKo : i.nameEn) || i.key)));
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    data.step = Number(data.step || 1);
    try {
      const task = await call('POST', '/api/v1/reform/tasks', data);
      $('status').textContent = I.t('rfOpened') + ': ' + task.title;
      form.reset();
      await load();
    } catch (e) {
      $('status').textContent = e.message;
    }
  });
  $('lang-toggle').addEventListener('click', () => { I.toggle(); fillForm(); render(); });
  start().catch(e => { $('status').textContent = e.message; });
})();
