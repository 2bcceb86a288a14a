// Administrators manage staff accounts: list (login, name, role, department, disabled, locked out after
// failed passwords), disable, enable, unlock — over /api/v1/accounts, each change audited by the
// server. Uses the wallboard's login; stored values are only ever set with textContent.
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  if (!window.StaffApi.token) { location.href = 'index.html'; return; }
  const call = window.StaffApi.call;

  function cell(text) { return Object.assign(document.createElement('td'), {textContent: text ?? ''}); }

  function button(label, login, action) {
    const b = Object.assign(document.createElement('button'), {type: 'button', textContent: label});
    b.setAttribute('aria-label', label + ': ' + login);
    b.addEventListener('click', () => change(login, action, label));
    return b;
  }

  function state(a) {
    const parts = [a.disabled ? I.t('accountDisabled') : I.t('accountActive')];
    if (a.lockedOut) parts.push(I.t('accountLocked'));
    return parts.join(', ');
  }

  async function list() {
    $('error').textContent = '';
    try {
      const q = $('q').value.trim();
      const page = await call('GET', '/api/v1/accounts' + (q ? '?q=' + encodeURIComponent(q) : ''));
      $('more').hidden = !page.more;
      document.querySelector('#account-list tbody').replaceChildren(...page.accounts.map(a => {
        const tr = document.createElement('tr');
        tr.dataset.login = a.login;
        tr.append(cell(a.login), cell(a.name), cell(a.role), cell(a.department), cell(state(a)));
        const actions = document.createElement('td');
        actions.append(a.disabled ? button(I.t('accountEnable'), a.login, 'enable')
          : button(I.t('accountDisable'), a.login, 'disable'));
        if (a.lockedOut) actions.append(' ', button(I.t('accountUnlock'), a.login, 'unlock'));
        tr.append(actions);
        return tr;
      }));
    } catch (e) { $('error').textContent = e.message; }
  }

  async function change(login, action, label) {
    $('error').textContent = '';
    try {
      await call('POST', '/api/v1/accounts/' + encodeURIComponent(login) + '/' + action);
      $('status').textContent = I.t('accountDone') + ': ' + label + ' ' + login;
      await list();
      const row = document.querySelector('#account-list tr[data-login="' + CSS.escape(login) + '"] button');
      if (row) row.focus(); // the keyboard stays on the account just changed
    } catch (e) { $('error').textContent = e.message; }
  }

  $('account-search').addEventListener('submit', event => { event.preventDefault(); list(); });
  I.onChange(() => { list(); });
  I.apply();
  list();
})();
