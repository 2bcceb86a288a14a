// Citizen monitoring roster: supervisors add volunteers (optionally with a login of their own),
// take them off the roster (their login disabled, their ledger kept), and open a member to see the
// mileage ledger and the observations, accepting or rejecting those under review
// (/api/v1/reform/members…). Token from the wallboard's sign-in.
(function () {
  'use strict';
  const I = window.I18N;
  const $ = id => document.getElementById(id);
  if (!window.StaffApi.token) { location.href = 'index.html'; return; }
  const call = window.StaffApi.call;
  const form = $('add-member');
  let roster = [];
  let shown = null;

  const day = iso => iso.slice(0, 10);
  const when = iso => iso.slice(0, 16).replace('T', ' ');
  function button(label, onClick, cls) {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    if (cls) b.className = cls;
    b.addEventListener('click', onClick);
    return b;
  }
  function row(tbody, cells) {
    const tr = document.createElement('tr');
    cells.forEach(c => {
      const td = document.createElement('td');
      if (c instanceof Node) td.appendChild(c); else td.textContent = c;
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
    return tr;
  }
  const say = text => { $('status').textContent = text; };

  async function load() {
    roster = (await call('GET', '/api/v1/reform/members')).items;
    const tbody = document.querySelector('#roster tbody');
    tbody.innerHTML = '';
    roster.forEach(m => {
      const actions = document.createElement('span');
      actions.append(button(I.t('mbOpen'), () => open(m.id), 'open-member'));
      if (m.active) {
        actions.append(' ', button(I.t('mbDeactivate'), () => deactivate(m), 'deactivate'));
      }
      row(tbody, [m.name, day(m.joinedAt), String(m.balance), String(m.accepted),
        I.t(m.active ? 'mbActive' : 'mbLeft'), actions]).dataset.id = m.id;
    });
    $('no-members').hidden = roster.length > 0;
  }

  async function deactivate(m) {
    try {
      await call('POST', '/api/v1/reform/members/' + encodeURIComponent(m.id) + '/deactivate');
      say(I.t('mbDeactivated').replace('{name}', m.name));
      await load();
      if (shown === m.id) await open(m.id, false);
    } catch (e) { say(e.message); }
  }

  async function open(id, focus = true) {
    shown = id;
    const path = '/api/v1/reform/members/' + encodeURIComponent(id);
    const [ledger, observations] = await Promise.all([call('GET', path + '/ledger'), call('GET', path + '/observations')]);
    $('member').hidden = false;
    $('member-title').textContent = ledger.name + ' · ' + I.t('mbBalance') + ' ' + ledger.balance
      + (ledger.active ? '' : ' · ' + I.t('mbLeft'));
    const entries = document.querySelector('#ledger tbody');
    entries.innerHTML = '';
    ledger.entries.forEach(e => row(entries, [when(e.at), e.text, String(e.points)]));
    const list = document.querySelector('#observations tbody');
    list.innerHTML = '';
    observations.items.forEach(o => {
      const actions = document.createElement('span');
      if (o.status === 'FILED') {
        actions.append(button(I.t('mbAccept'), () => decide(o, 'accept'), 'accept'), ' ',
          button(I.t('mbReject'), () => decide(o, 'reject'), 'reject'));
      }
      row(list, [when(o.filedAt), o.text, I.t('mb' + o.status), String(o.points), actions]);
    });
    if (focus) $('member-title').focus();
  }

  async function decide(o, what) {
    try {
      await call('POST', '/api/v1/reform/observations/' + encodeURIComponent(o.id) + '/' + what);
      await load();
      await open(o.member);
    } catch (e) { say(e.message); }
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { name: form.name.value };
    if (form.login.value.trim()) { body.login = form.login.value.trim(); body.password = form.password.value; }
    try {
      const added = await call('POST', '/api/v1/reform/members', body);
      say(I.t('mbAdded').replace('{name}', added.name));
      form.reset();
      await load();
    } catch (e) { say(e.message); }
  });
  $('member-hide').addEventListener('click', () => { $('member').hidden = true; shown = null; });
  I.onChange(() => { load(); if (shown) open(shown, false); });
  I.apply();
  load().catch(e => say(e.message));
})();
