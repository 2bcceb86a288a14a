// Supervisors manage the operator console's macros (canned responses per language and department):
// list, create, edit with a live preview of the variables, delete. Uses the wallboard's login;
// stored text is only ever set with textContent.
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  const token = sessionStorage.getItem('onenumber.token');
  if (!token) { location.href = 'index.html'; return; }
  const SAMPLE = {citizenName: '김민원', caseNumber: 'C-2026-000123', operatorName: '상담사'};
  let departments = new Map();
  let editing = null;

  async function call(method, path, body) {
    const res = await fetch(path, {method, headers: Object.assign({Authorization: 'Bearer ' + token, Accept: 'application/json'},
      body ? {'Content-Type': 'application/json'} : {}), body: body ? JSON.stringify(body) : undefined});
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new Error((data && data.message) || ('HTTP ' + res.status));
    return data;
  }

  function slug(title) {
    const ascii = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return (ascii || 'macro-' + Date.now().toString(36)).slice(0, 64);
  }

  function preview() {
    $('m-preview').textContent = $('m-body').value.replace(/\{(citizenName|caseNumber|operatorName)\}/g, (all, n) => SAMPLE[n]);
  }

  function reset() {
    editing = null;
    $('macro-form').reset();
    $('m-id').readOnly = false;
    $('form-title').textContent = I.t('newMacro');
    $('form-error').textContent = '';
    preview();
  }

  function edit(m) {
    editing = m.id;
    $('m-title').value = m.title;
    $('m-id').value = m.id;
    $('m-id').readOnly = true;
    $('m-language').value = m.language;
    $('m-department').value = m.department || '';
    $('m-body').value = m.body;
    $('form-title').textContent = I.t('edit') + ': ' + m.title;
    preview();
    $('m-title').focus();
  }

  function cell(text) { return Object.assign(document.createElement('td'), {textContent: text}); }

  function button(label, name, action) {
    const b = Object.assign(document.createElement('button'), {type: 'button', textContent: label});
    b.setAttribute('aria-label', label + ': ' + name);
    b.addEventListener('click', action);
    return b;
  }

  async function list() {
    try {
      const items = (await call('GET', '/api/v1/macros/all')).items || [];
      $('empty').hidden = items.length > 0;
      document.querySelector('#macro-list tbody').replaceChildren(...items.map(m => {
        const tr = document.createElement('tr');
        tr.dataset.macro = m.id;
        tr.append(cell(m.title), cell(m.language), cell(departments.get(m.department) || m.department || I.t('allDepartments')),
          cell(m.body.length > 80 ? m.body.slice(0, 80) + '…' : m.body),
          cell((m.updatedBy || '') + ' ' + (m.updatedAt ? new Date(m.updatedAt).toLocaleDateString(I.locale()) : '')));
        const actions = document.createElement('td');
        actions.append(button(I.t('edit'), m.title, () => edit(m)), ' ', button(I.t('remove'), m.title, () => remove(m)));
        tr.append(actions);
        return tr;
      }));
    } catch (e) { $('form-error').textContent = e.message; }
  }

  async function remove(m) {
    if (!confirm(I.t('confirmRemove') + '\n' + m.title)) return;
    try {
      await call('DELETE', '/api/v1/macros/' + encodeURIComponent(m.id));
      $('form-status').textContent = I.t('removed') + ': ' + m.title;
      if (editing === m.id) reset();
      await list();
    } catch (e) { $('form-error').textContent = e.message; }
  }

  $('m-title').addEventListener('input', () => { if (!editing) $('m-id').value = slug($('m-title').value); });
  $('m-body').addEventListener('input', preview);
  document.querySelectorAll('[data-variable]').forEach(b => b.addEventListener('click', () => {
    const body = $('m-body');
    const at = body.selectionStart ?? body.value.length;
    const token = '{' + b.dataset.variable + '}';
    body.value = body.value.slice(0, at) + token + body.value.slice(body.selectionEnd ?? at);
    body.focus();
    body.setSelectionRange(at + token.length, at + token.length);
    preview();
  }));
  $('m-cancel').addEventListener('click', reset);
  $('macro-form').addEventListener('submit', async event => {
    event.preventDefault();
    $('form-error').textContent = '';
    try {
      const saved = await call('PUT', '/api/v1/macros/' + encodeURIComponent($('m-id').value.trim()), {
        title: $('m-title').value, body: $('m-body').value, language: $('m-language').value,
        department: $('m-department').value || null});
      $('form-status').textContent = I.t('saved') + ': ' + saved.title;
      reset();
      await list();
    } catch (e) { $('form-error').textContent = e.message; }
  });
  I.onChange(() => { list(); });

  (async function start() {
    I.apply();
    try {
      const items = (await call('GET', '/api/v1/departments')).items || [];
      const name = d => (I.lang === 'ko' ? d.nameKo : d.nameEn) || d.id;
      departments = new Map(items.map(d => [d.id, name(d)]));
      $('m-department').append(...items.map(d => Object.assign(document.createElement('option'), {value: d.id, textContent: name(d)})));
    } catch (e) { /* the list still works; departments show by id */ }
    preview();
    await list();
  })();
})();
