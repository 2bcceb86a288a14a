// The call card of a VOICE contact: who is calling (the server masks the number for operators),
// what they chose in the IVR, language, a call timer, and the call controls (hold/resume, transfer
// to a queue, an operator or a department desk, consult (attended) transfer to an operator or a
// department desk with complete/cancel, conference with an interpreter or a department, hang up), each one POST to /api/v1/contacts/{id}/call/{action}; the call's recordings (length; a
// play button for supervisors, fetched with the bearer token: GET /api/v1/contacts/{id}/recordings). The card's text follows the
// console's language (window.I18N, the catalogue's cc_ keys; department names as names.js gives them)
// and changes with it. Values from the server are always set with textContent.
import { get, post, session } from './api.js';
import { languageName, named, refill } from './names.js';

const REFRESH_MS = 5000;

const I = window.I18N;
const t = (key) => I.t(`cc_${key}`);

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** An element showing the catalogue's cc_<key>; I18N.apply() writes it again in another language. */
const said = (tag, key, props = {}) => {
  const node = el(tag, { ...props, textContent: t(key) });
  node.dataset.i18n = `cc_${key}`;
  return node;
};
const option = (value, key) => said('option', key, { value });
const departments = (list) => list.map((d) => [d.id, named(d)]);

const field = (key, input) => said('label', key, { htmlFor: input.id });

const clock = (seconds) => {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 60))}:${two(s % 60)}`;
};

export class CallCard {
  constructor(contactId, directory) {
    this.contactId = contactId;
    this.directory = directory;
    this.card = null;
    this.departmentSelects = [];
    this.root = this.build();
    I.onChange(() => {
      if (!this.root.isConnected) return;
      for (const select of this.departmentSelects) refill(select, departments(this.directory.departments));
      if (this.card) this.show(this.card);
    });
    this.refresh();
    this.ticker = setInterval(() => this.tick(), 1000);
    this.poller = setInterval(() => this.refresh(), REFRESH_MS);
  }

  build() {
    const id = `call-${this.contactId}`;
    const root = el('section', { className: 'call-card' });
    root.setAttribute('aria-labelledby', `${id}-title`);
    this.facts = {};
    // Not class "facts": the conversation's citizen panel fills the panel's first .facts.
    const dl = el('dl', { className: 'call-facts' });
    for (const key of ['caller', 'ivr', 'language', 'time', 'state', 'recording']) {
      this.facts[key] = el('dd', { className: `call-${key}`, textContent: '—' });
      dl.append(said('dt', key), this.facts[key]);
    }
    this.holdButton = el('button', { type: 'button', className: 'call-hold', textContent: t('hold') });
    this.holdButton.addEventListener('click', () => this.act(this.card?.state === 'HELD' ? 'resume' : 'hold'));
    const transfer = said('button', 'transfer', { type: 'button', className: 'secondary call-show-transfer' });
    const conference = said('button', 'conference', { type: 'button', className: 'secondary call-show-conference' });
    const consult = said('button', 'consult', { type: 'button', className: 'secondary call-show-consult' });
    this.completeButton = said('button', 'completeConsult', { type: 'button', className: 'call-consult-complete', hidden: true });
    this.cancelButton = said('button', 'cancelConsult', { type: 'button', className: 'secondary call-consult-cancel', hidden: true });
    this.completeButton.addEventListener('click', () => this.act('consult/complete'));
    this.cancelButton.addEventListener('click', () => this.act('consult/cancel'));
    const hangUp = said('button', 'hangUp', { type: 'button', className: 'danger call-hangup' });
    hangUp.addEventListener('click', () => this.act('hangup'));
    this.transferForm = this.buildTransfer(id);
    this.conferenceForm = this.buildConference(id);
    this.consultForm = this.buildConsult(id);
    consult.setAttribute('aria-controls', this.consultForm.id);
    consult.setAttribute('aria-expanded', 'false');
    consult.addEventListener('click', () => this.toggle(consult, this.consultForm));
    transfer.setAttribute('aria-controls', this.transferForm.id);
    conference.setAttribute('aria-controls', this.conferenceForm.id);
    transfer.setAttribute('aria-expanded', 'false');
    conference.setAttribute('aria-expanded', 'false');
    transfer.addEventListener('click', () => this.toggle(transfer, this.transferForm));
    conference.addEventListener('click', () => this.toggle(conference, this.conferenceForm));
    this.status = el('p', { className: 'call-status' });
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.buttons = [this.holdButton, transfer, consult, conference, hangUp];
    root.append(said('h3', 'call', { id: `${id}-title` }), dl,
      el('div', { className: 'actions' }, ...this.buttons, this.completeButton, this.cancelButton),
      this.transferForm, this.consultForm, this.conferenceForm, this.status);
    return root;
  }

  buildTransfer(id) {
    const kind = el('select', { name: 'kind', id: `${id}-kind` },
      option('queue', 'queue'), option('agent', 'operator'), option('department', 'department'));
    const queue = el('select', { name: 'queue', id: `${id}-queue` },
      ...this.directory.queues.map((q) => el('option', { value: q.id, textContent: q.name })));
    const agent = el('input', { name: 'agent', id: `${id}-agent`, autocomplete: 'off' });
    const department = this.departmentSelect(`${id}-department`);
    const rows = {
      queue: el('div', { className: 'call-field' }, field('queue', queue), queue),
      agent: el('div', { className: 'call-field', hidden: true }, field('operatorId', agent), agent),
      department: el('div', { className: 'call-field', hidden: true }, field('department', department), department),
    };
    kind.addEventListener('change', () => { for (const [k, row] of Object.entries(rows)) row.hidden = k !== kind.value; });
    const form = el('form', { id: `${id}-transfer`, className: 'stack call-transfer', hidden: true },
      field('target', kind), kind, rows.queue, rows.agent, rows.department,
      said('button', 'transferNow', { type: 'submit' }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const target = kind.value === 'queue' ? { queue: queue.value }
        : kind.value === 'agent' ? { agent: agent.value.trim() } : { department: department.value };
      this.act('transfer', target);
    });
    return form;
  }

  buildConsult(id) {
    const kind = el('select', { name: 'kind', id: `${id}-consult-kind` }, option('agent', 'operator'), option('department', 'department'));
    const agent = el('input', { name: 'agent', id: `${id}-consult-agent`, autocomplete: 'off' });
    const department = this.departmentSelect(`${id}-consult-department`);
    const agentRow = el('div', { className: 'call-field' }, field('operatorId', agent), agent);
    const departmentRow = el('div', { className: 'call-field', hidden: true }, field('department', department), department);
    kind.addEventListener('change', () => { agentRow.hidden = kind.value !== 'agent'; departmentRow.hidden = kind.value !== 'department'; });
    const form = el('form', { id: `${id}-consult`, className: 'stack call-consult', hidden: true },
      field('consultWith', kind), kind, agentRow, departmentRow, said('button', 'consultNow', { type: 'submit' }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.act('consult', kind.value === 'agent' ? { agent: agent.value.trim() } : { department: department.value });
    });
    return form;
  }

  buildConference(id) {
    const who = el('select', { name: 'with', id: `${id}-with` }, option('', 'interpreter'),
      ...this.directory.departments.filter((d) => d.deskPhone).map((d) => el('option', { value: d.deskPhone, textContent: named(d) })));
    const number = el('input', { name: 'number', id: `${id}-number`, type: 'tel', autocomplete: 'off' });
    const numberRow = el('div', { className: 'call-field' }, field('number', number), number);
    who.addEventListener('change', () => { numberRow.hidden = who.value !== ''; });
    const form = el('form', { id: `${id}-conference`, className: 'stack call-conference', hidden: true },
      field('with', who), who, numberRow, said('button', 'conferenceNow', { type: 'submit' }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.act('conference', { thirdParty: who.value || number.value.trim() });
    });
    return form;
  }

  /** A select of the departments (their names follow the operator's language). */
  departmentSelect(id) {
    const select = el('select', { name: 'department', id });
    refill(select, departments(this.directory.departments));
    this.departmentSelects.push(select);
    return select;
  }

  toggle(button, form) {
    form.hidden = !form.hidden;
    button.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) form.querySelector('select, input')?.focus();
  }

  async act(action, body = {}) {
    try {
      const result = await post(`/api/v1/contacts/${encodeURIComponent(this.contactId)}/call/${action}`, body);
      const done = `done_${result.action.replace('-', '_')}`;
      this.status.textContent = I.has(`cc_${done}`) ? t(done) : result.state;
      if (result.action === 'consult') this.consulting = true;
      if (result.action === 'consult-complete' || result.action === 'consult-cancel') this.consulting = false;
      this.transferForm.hidden = true;
      this.conferenceForm.hidden = true;
      this.consultForm.hidden = true;
      for (const b of this.buttons) if (b.hasAttribute('aria-expanded')) b.setAttribute('aria-expanded', 'false');
    } catch (e) {
      const why = e.code === 'no_call' ? t('noCall')
        : action === 'consult/complete' && e.status === 409 ? t('consultRefused') : e.message;
      this.status.textContent = `${t('failed')}: ${why}`;
    }
    await this.refresh();
    if (this.consulting && !this.completeButton.hidden) this.completeButton.focus();
  }

  async refresh() {
    if (!this.root.isConnected && this.card) return this.stop();
    this.recordings();
    try {
      this.show(await get(`/api/v1/contacts/${encodeURIComponent(this.contactId)}/call`));
    } catch (e) {
      // 403: the call went to another operator or queue; 404/409: it ended. Either way, no controls.
      if ([403, 404, 409].includes(e.status)) {
        this.show({ ...(this.card ?? {}), state: e.status === 403 ? 'TRANSFERRED' : 'CLOSED', heldSince: null });
      }
    }
  }

  show(card) {
    this.card = card;
    this.facts.caller.textContent = card.callerNumber ?? '—';
    this.facts.ivr.textContent = [card.topic, ...(card.ivr ?? []).filter((r) => r !== card.topic)].filter(Boolean).join(' · ') || '—';
    this.facts.language.textContent = card.language ? languageName(card.language) : '—';
    this.facts.state.textContent = I.has(`cc_st_${card.state}`) ? t(`st_${card.state}`) : card.state;
    const live = card.state === 'CONNECTED' || card.state === 'HELD';
    this.holdButton.textContent = t(card.state === 'HELD' ? 'resume' : 'hold');
    for (const b of this.buttons) b.disabled = !live;
    const consulting = Boolean(this.consulting) && card.state === 'HELD';
    this.completeButton.hidden = !consulting;
    this.cancelButton.hidden = !consulting;
    // While consulting, the call ends one way or the other: complete, back to caller, or hang up.
    if (consulting) for (const b of this.buttons) if (!b.classList.contains('call-hangup')) b.disabled = true;
    this.tick();
  }

  async recordings() {
    try {
      const list = await get(`/api/v1/contacts/${encodeURIComponent(this.contactId)}/recordings`);
      const dd = this.facts.recording;
      dd.replaceChildren();
      if (!list.recordings.length) { dd.textContent = '—'; return; }
      for (const r of list.recordings) {
        dd.append(document.createTextNode(r.durationSeconds == null ? '…' : clock(r.durationSeconds)));
        if (r.playUrl) {
          const play = said('button', 'play', { type: 'button', className: 'secondary call-play' });
          play.addEventListener('click', () => this.play(r.playUrl));
          dd.append(' ', play);
        }
      }
    } catch {
      // 403/404: not ours to see; the fact keeps its dash.
    }
  }

  async play(url) {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${session.token}` } });
    if (response.ok) new Audio(URL.createObjectURL(await response.blob())).play();
  }

  tick() {
    if (!this.root.isConnected && this.card) return this.stop();
    const card = this.card;
    if (!card?.connectedAt) return;
    const talk = clock((Date.now() - Date.parse(card.connectedAt)) / 1000);
    this.facts.time.textContent = card.heldSince
      ? `${talk} (${t('onHold')} ${clock((Date.now() - Date.parse(card.heldSince)) / 1000)})` : talk;
  }

  stop() {
    clearInterval(this.ticker);
    clearInterval(this.poller);
  }
}

/** Puts a call card at the top of a VOICE contact's conversation panel. */
export function mountCallCard(panel, contactId, directory) {
  const card = new CallCard(contactId, directory);
  (panel.querySelector('.conversation') ?? panel).prepend(card.root);
  return card;
}
