// The call card of a VOICE contact: who is calling (the server masks the number for operators),
// what they chose in the IVR, language, a call timer, and the call controls (hold/resume, transfer
// to a queue, an operator or a department desk, consult (attended) transfer to an operator or a
// department desk with complete/cancel, conference with an interpreter or a department, hang up), each one POST to /api/v1/contacts/{id}/call/{action}; the call's recordings (length; a
// play button for supervisors, fetched with the bearer token: GET /api/v1/contacts/{id}/recordings). The card's text follows the
// console's language (ko or en; `onenumber.lang` in localStorage, else the page's lang) and says so
// with its own lang attribute. Values from the server are always set with textContent.
import { get, post, session } from './api.js';

const STRINGS = {
  en: {
    recording: 'Recording', play: 'Play', call: 'Call', caller: 'Caller', ivr: 'IVR choices', language: 'Language', time: 'Call time', state: 'State',
    hold: 'Hold', resume: 'Resume', transfer: 'Transfer', conference: 'Conference', hangUp: 'Hang up',
    target: 'Transfer to', queue: 'Queue', operator: 'Operator', department: 'Department desk', operatorId: 'Operator id',
    transferNow: 'Transfer call', with: 'Conference with', interpreter: 'Interpreter', number: 'Number',
    conferenceNow: 'Start conference', consult: 'Consult', consultWith: 'Consult with', consultNow: 'Call to consult',
    completeConsult: 'Complete transfer', cancelConsult: 'Back to caller', none: '—', onHold: 'on hold', noCall: 'No call is connected to this contact.',
    consultRefused: 'The consulted party cannot take the call (they hung up or are busy). Use “Back to caller”.',
    done: { hold: 'Caller on hold.', resume: 'Caller back on the line.', requeue: 'Transferred; the caller waits for the next operator.',
      transfer: 'Transferred to the department desk.', conference: 'Conference requested.', hangup: 'Call ended.',
      consult: 'Caller on hold; calling to consult.', 'consult-complete': 'Transferred after the consult.',
      'consult-cancel': 'Consult ended; caller back on the line.' },
    failed: 'Not done',
    states: { CONNECTED: 'Connected', HELD: 'On hold', WRAP_UP: 'Wrap-up', QUEUED: 'Waiting', OFFERED: 'Ringing', CLOSED: 'Ended', TRANSFERRED: 'Transferred' },
  },
  ko: {
    recording: '녹음', play: '재생', call: '통화', caller: '발신 번호', ivr: 'ARS 선택', language: '언어', time: '통화 시간', state: '상태',
    hold: '보류', resume: '보류 해제', transfer: '호 전환', conference: '3자 통화', hangUp: '통화 종료',
    target: '전환 대상', queue: '대기열', operator: '상담사', department: '부서 내선', operatorId: '상담사 ID',
    transferNow: '전환하기', with: '3자 통화 상대', interpreter: '통역사', number: '전화번호',
    conferenceNow: '3자 통화 시작', consult: '협의 전환', consultWith: '협의 대상', consultNow: '협의 통화 걸기',
    completeConsult: '전환 완료', cancelConsult: '고객에게 돌아가기', none: '—', onHold: '보류 중', noCall: '이 상담에 연결된 통화가 없습니다.',
    consultRefused: '협의 상대가 통화를 받을 수 없습니다(통화 종료 또는 통화 중). “고객에게 돌아가기”를 누르세요.',
    done: { hold: '고객이 보류 중입니다.', resume: '고객과 다시 연결되었습니다.', requeue: '전환했습니다. 고객은 다음 상담사를 기다립니다.',
      transfer: '부서 내선으로 전환했습니다.', conference: '3자 통화를 요청했습니다.', hangup: '통화를 종료했습니다.',
      consult: '고객을 보류하고 협의 통화를 겁니다.', 'consult-complete': '협의 후 전환했습니다.',
      'consult-cancel': '협의를 마치고 고객과 다시 연결되었습니다.' },
    failed: '실패',
    states: { CONNECTED: '통화 중', HELD: '보류 중', WRAP_UP: '후처리', QUEUED: '대기 중', OFFERED: '연결 중', CLOSED: '종료', TRANSFERRED: '전환됨' },
  },
};
const LANGUAGE_NAMES = { ko: '한국어', en: 'English', zh: '中文', ja: '日本語', vi: 'Tiếng Việt', mn: 'Монгол', kvk: '수어' };
const REFRESH_MS = 5000;

function language() {
  const chosen = (localStorage.getItem('onenumber.lang') || document.documentElement.lang || 'en').slice(0, 2);
  return STRINGS[chosen] ? chosen : 'en';
}

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const clock = (seconds) => {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 60))}:${two(s % 60)}`;
};

export class CallCard {
  constructor(contactId, directory) {
    this.contactId = contactId;
    this.directory = directory;
    this.lang = language();
    this.t = STRINGS[this.lang];
    this.card = null;
    this.root = this.build();
    this.refresh();
    this.ticker = setInterval(() => this.tick(), 1000);
    this.poller = setInterval(() => this.refresh(), REFRESH_MS);
  }

  build() {
    const t = this.t;
    const id = `call-${this.contactId}`;
    const root = el('section', { className: 'call-card', lang: this.lang });
    root.setAttribute('aria-labelledby', `${id}-title`);
    this.facts = {};
    // Not class "facts": the conversation's citizen panel fills the panel's first .facts.
    const dl = el('dl', { className: 'call-facts' });
    for (const key of ['caller', 'ivr', 'language', 'time', 'state', 'recording']) {
      this.facts[key] = el('dd', { className: `call-${key}`, textContent: t.none });
      dl.append(el('dt', { textContent: t[key] }), this.facts[key]);
    }
    this.holdButton = el('button', { type: 'button', className: 'call-hold', textContent: t.hold });
    this.holdButton.addEventListener('click', () => this.act(this.card?.state === 'HELD' ? 'resume' : 'hold'));
    const transfer = el('button', { type: 'button', className: 'secondary call-show-transfer', textContent: t.transfer });
    const conference = el('button', { type: 'button', className: 'secondary call-show-conference', textContent: t.conference });
    const consult = el('button', { type: 'button', className: 'secondary call-show-consult', textContent: t.consult });
    this.completeButton = el('button', { type: 'button', className: 'call-consult-complete', textContent: t.completeConsult, hidden: true });
    this.cancelButton = el('button', { type: 'button', className: 'secondary call-consult-cancel', textContent: t.cancelConsult, hidden: true });
    this.completeButton.addEventListener('click', () => this.act('consult/complete'));
    this.cancelButton.addEventListener('click', () => this.act('consult/cancel'));
    const hangUp = el('button', { type: 'button', className: 'danger call-hangup', textContent: t.hangUp });
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
    root.append(el('h3', { id: `${id}-title`, textContent: t.call }), dl,
      el('div', { className: 'actions' }, ...this.buttons, this.completeButton, this.cancelButton),
      this.transferForm, this.consultForm, this.conferenceForm, this.status);
    return root;
  }

  buildTransfer(id) {
    const t = this.t;
    const option = (value, label) => el('option', { value, textContent: label });
    const kind = el('select', { name: 'kind', id: `${id}-kind` },
      option('queue', t.queue), option('agent', t.operator), option('department', t.department));
    const queue = el('select', { name: 'queue', id: `${id}-queue` },
      ...this.directory.queues.map((q) => option(q.id, q.name)));
    const agent = el('input', { name: 'agent', id: `${id}-agent`, autocomplete: 'off' });
    const department = el('select', { name: 'department', id: `${id}-department` },
      ...this.directory.departments.map((d) => option(d.id, `${d.nameEn} · ${d.nameKo}`)));
    const field = (label, input) => el('label', { htmlFor: input.id, textContent: label });
    const rows = {
      queue: el('div', { className: 'call-field' }, field(t.queue, queue), queue),
      agent: el('div', { className: 'call-field', hidden: true }, field(t.operatorId, agent), agent),
      department: el('div', { className: 'call-field', hidden: true }, field(t.department, department), department),
    };
    kind.addEventListener('change', () => { for (const [k, row] of Object.entries(rows)) row.hidden = k !== kind.value; });
    const form = el('form', { id: `${id}-transfer`, className: 'stack call-transfer', hidden: true },
      field(t.target, kind), kind, rows.queue, rows.agent, rows.department,
      el('button', { type: 'submit', textContent: t.transferNow }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const target = kind.value === 'queue' ? { queue: queue.value }
        : kind.value === 'agent' ? { agent: agent.value.trim() } : { department: department.value };
      this.act('transfer', target);
    });
    return form;
  }

  buildConsult(id) {
    const t = this.t;
    const option = (value, label) => el('option', { value, textContent: label });
    const kind = el('select', { name: 'kind', id: `${id}-consult-kind` }, option('agent', t.operator), option('department', t.department));
    const agent = el('input', { name: 'agent', id: `${id}-consult-agent`, autocomplete: 'off' });
    const department = el('select', { name: 'department', id: `${id}-consult-department` },
      ...this.directory.departments.map((d) => option(d.id, `${d.nameEn} · ${d.nameKo}`)));
    const field = (label, input) => el('label', { htmlFor: input.id, textContent: label });
    const agentRow = el('div', { className: 'call-field' }, field(t.operatorId, agent), agent);
    const departmentRow = el('div', { className: 'call-field', hidden: true }, field(t.department, department), department);
    kind.addEventListener('change', () => { agentRow.hidden = kind.value !== 'agent'; departmentRow.hidden = kind.value !== 'department'; });
    const form = el('form', { id: `${id}-consult`, className: 'stack call-consult', hidden: true },
      field(t.consultWith, kind), kind, agentRow, departmentRow, el('button', { type: 'submit', textContent: t.consultNow }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.act('consult', kind.value === 'agent' ? { agent: agent.value.trim() } : { department: department.value });
    });
    return form;
  }

  buildConference(id) {
    const t = this.t;
    const option = (value, label) => el('option', { value, textContent: label });
    const who = el('select', { name: 'with', id: `${id}-with` }, option('', t.interpreter),
      ...this.directory.departments.filter((d) => d.deskPhone).map((d) => option(d.deskPhone, `${d.nameEn} · ${d.nameKo}`)));
    const number = el('input', { name: 'number', id: `${id}-number`, type: 'tel', autocomplete: 'off' });
    const numberRow = el('div', { className: 'call-field' }, el('label', { htmlFor: number.id, textContent: t.number }), number);
    who.addEventListener('change', () => { numberRow.hidden = who.value !== ''; });
    const form = el('form', { id: `${id}-conference`, className: 'stack call-conference', hidden: true },
      el('label', { htmlFor: who.id, textContent: t.with }), who, numberRow,
      el('button', { type: 'submit', textContent: t.conferenceNow }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.act('conference', { thirdParty: who.value || number.value.trim() });
    });
    return form;
  }

  toggle(button, form) {
    form.hidden = !form.hidden;
    button.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) form.querySelector('select, input')?.focus();
  }

  async act(action, body = {}) {
    try {
      const result = await post(`/api/v1/contacts/${encodeURIComponent(this.contactId)}/call/${action}`, body);
      this.status.textContent = this.t.done[result.action] ?? result.state;
      if (result.action === 'consult') this.consulting = true;
      if (result.action === 'consult-complete' || result.action === 'consult-cancel') this.consulting = false;
      this.transferForm.hidden = true;
      this.conferenceForm.hidden = true;
      this.consultForm.hidden = true;
      for (const b of this.buttons) if (b.hasAttribute('aria-expanded')) b.setAttribute('aria-expanded', 'false');
    } catch (e) {
      const why = e.code === 'no_call' ? this.t.noCall
        : action === 'consult/complete' && e.status === 409 ? this.t.consultRefused : e.message;
      this.status.textContent = `${this.t.failed}: ${why}`;
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
    const t = this.t;
    this.facts.caller.textContent = card.callerNumber ?? t.none;
    this.facts.ivr.textContent = [card.topic, ...(card.ivr ?? []).filter((r) => r !== card.topic)].filter(Boolean).join(' · ') || t.none;
    this.facts.language.textContent = LANGUAGE_NAMES[card.language] ?? card.language ?? t.none;
    this.facts.state.textContent = t.states[card.state] ?? card.state;
    const live = card.state === 'CONNECTED' || card.state === 'HELD';
    this.holdButton.textContent = card.state === 'HELD' ? t.resume : t.hold;
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
      if (!list.recordings.length) { dd.textContent = this.t.none; return; }
      for (const r of list.recordings) {
        dd.append(document.createTextNode(r.durationSeconds == null ? '…' : clock(r.durationSeconds)));
        if (r.playUrl) {
          const play = el('button', { type: 'button', className: 'secondary call-play', textContent: this.t.play });
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
      ? `${talk} (${this.t.onHold} ${clock((Date.now() - Date.parse(card.heldSince)) / 1000)})` : talk;
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
