// One contact in the console: its messages (fetched when the agent socket says they changed, and
// by a slow fallback poll for when the socket is down), the reply box (Enter sends, Shift+Enter is
// a new line), and the panels around it: citizen, knowledge, notes, canned responses, outcome.
// Message text is always set with textContent.
import { get, post, session } from './api.js';
import { KnowledgePanel } from './knowledge.js';
import { Outcome } from './outcome.js';
import { Notes } from './notes.js';
import { Macros } from './macros.js';
import { loadCitizen } from './citizen.js';
import { channelName, deliveryStatus } from './names.js';

const I = window.I18N;

// The socket pushes message frames; this poll only covers a socket that is down or a lost frame.
const FALLBACK_POLL_MS = 10000;
const TYPING_SHOWN_MS = 4000;

export class Conversation {
  /**
   * @param context {directory, languages (the operator's), operatorName, label(id, text), arrived(id), closed(id, notice)}
   */
  constructor(assignment, panel, context) {
    this.contactId = assignment.contactId;
    this.openedAt = performance.now();
    this.language = assignment.language;
    this.channel = assignment.channel;
    this.panel = panel;
    this.context = context;
    this.citizen = null;
    this.caseNumber = null;
    this.lastTyping = 0;
    this.citizenTypingUntil = 0;
    this.presence = null;
    this.loading = null;
    this.again = false;
    this.seenIn = null;
    this.outcome = new Outcome(this.contactId, panel, context.directory, (notice) => this.finish(notice));
    this.outcome.onCase = (id) => { this.caseNumber = id; };
    this.knowledge = new KnowledgePanel(panel.querySelector('.knowledge'), [this.language, ...context.languages],
      (text, hit) => this.insert(text, hit));
    this.notes = new Notes(this.contactId, panel);
    this.macros = new Macros(panel, this.language, () => ({ citizenName: this.citizen?.name, caseNumber: this.caseNumber,
      operatorName: context.operatorName }), (text) => this.insert(text));
    this.wire();
    this.loadCitizen();
    this.refresh();
    this.showMonitored();
    this.timer = setInterval(() => this.refresh(), FALLBACK_POLL_MS);
    if (assignment.state === 'WRAP_UP') this.outcome.countdown(I.t('wrappingUp'), assignment.wrapUpEndsAt);
  }

  loadCitizen() {
    return loadCitizen(this.contactId, this.panel).then((found) => {
      if (!found) return;
      this.citizen = found.citizen;
      this.context.label(this.contactId, `${found.label} · ${channelName(this.channel)}`);
    });
  }

  /** The operator chose another language: what this panel wrote itself is written again. */
  translate() {
    this.loadCitizen();
    this.renderPresence();
    this.q('.log').dataset.count = '';
    this.refresh();
    this.showMonitored();
    this.notes.load();
    this.outcome.translate();
  }

  // A frame from /ws/agents/{id} about this contact: message, message.status or typing.
  onFrame(frame) {
    if (frame.type === 'typing') {
      this.citizenTypingUntil = Date.now() + TYPING_SHOWN_MS;
      this.renderPresence();
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.renderPresence(), TYPING_SHOWN_MS);
    } else {
      if (frame.type === 'message' && frame.direction === 'IN') this.citizenTypingUntil = 0;
      this.refresh();
    }
  }

  q(selector) { return this.panel.querySelector(selector); }

  wire() {
    const form = this.q('form.reply');
    const box = form.elements.reply;
    form.addEventListener('submit', (e) => { e.preventDefault(); this.send(); });
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        this.send();
      }
    });
    box.addEventListener('input', () => {
      if (Date.now() - this.lastTyping > 2000) {
        this.lastTyping = Date.now();
        post(`/api/v1/contacts/${this.contactId}/typing`).catch(() => {});
      }
    });
  }

  async send() {
    const box = this.q('form.reply').elements.reply;
    const body = box.value.trim();
    if (!body) return;
    try {
      await post(`/api/v1/contacts/${this.contactId}/messages`, { body });
      box.value = '';
      this.q('.reply .error').textContent = '';
      this.refresh();
    } catch (err) {
      this.q('.reply .error').textContent = I.fill('notSent', { why: err.message });
    }
    box.focus();
  }

  insert(text, hit) {
    const box = this.q('form.reply').elements.reply;
    box.value = box.value ? `${box.value}\n${text}` : text;
    if (hit?.department) {
      this.outcome.suggestDepartment(hit.department);
      this.macros.load(hit.department);
    }
    box.focus();
  }

  // One fetch at a time; a refresh asked for meanwhile runs once more after it, so the newest wins.
  refresh() {
    if (this.loading) { this.again = true; return this.loading; }
    this.loading = this.load().finally(() => {
      this.loading = null;
      if (this.again) { this.again = false; this.refresh(); }
    });
    return this.loading;
  }

  async load() {
    try {
      const [messages, presence] = await Promise.all([
        get(`/api/v1/contacts/${this.contactId}/messages`),
        get(`/api/v1/contacts/${this.contactId}/presence`).catch(() => null),
      ]);
      this.render(messages.items ?? []);
      if (presence) {
        this.presence = presence;
        this.renderPresence();
      }
    } catch (e) {
      this.q('.presence').textContent = I.fill('cannotLoad', { why: e.message });
    }
  }

  renderPresence() {
    const presence = this.presence ?? { citizenConnected: true };
    const parts = [I.t(presence.citizenConnected ? 'citizenOnline' : 'citizenOffline')];
    if (presence.citizenTyping || Date.now() < this.citizenTypingUntil) parts.push(I.t('typing'));
    if (presence.satisfaction) parts.push(I.fill('survey', { score: presence.satisfaction, resolved: I.t(presence.resolved ? 'yes' : 'no') }));
    this.q('.presence').textContent = parts.join(' · ');
  }

  render(items) {
    const log = this.q('.log');
    const signature = JSON.stringify(items.map((m) => m.status));
    if (log.dataset.count === String(items.length) && log.dataset.last === signature) return;
    const newIn = items.filter((m) => m.direction === 'IN').length;
    if (this.seenIn !== null) for (let i = this.seenIn; i < newIn; i++) this.context.arrived(this.contactId);
    this.seenIn = newIn;
    log.dataset.count = String(items.length);
    log.dataset.last = signature;
    log.replaceChildren(...items.map((m) => message(m)));
    log.scrollTop = log.scrollHeight;
    const latest = [...items].reverse().find((m) => m.direction === 'IN');
    if (latest) this.knowledge.suggestFor(latest.body);
  }

  /** The small "monitored" mark: shown while a supervisor has a session open on this contact. */
  async showMonitored() {
    try {
      const sessions = (await get(`/api/v1/monitor/conversations/${this.contactId}/sessions`)).items ?? [];
      const mark = this.q('.monitored');
      mark.hidden = sessions.length === 0;
      mark.textContent = sessions.length ? I.fill('monitoredBy', { names: sessions.map((s) => s.supervisor).join(', ') }) : '';
    } catch (e) { /* the mark stays as it was */ }
  }

  /** The server closed the contact (wrap-up over, citizen left, transferred away). */
  closedByServer(reason) {
    const why = reason === 'citizen-left' ? I.t('citizenLeft') : this.outcome.outcome ? I.t('wrapUpEnded') : (reason ?? I.t('closed'));
    this.finish(I.fill('closedNotice', { who: this.citizen?.name || I.t('theCitizen'), channel: channelName(this.channel), why }));
  }

  finish(notice) {
    if (this.finished) return;
    this.finished = true;
    clearInterval(this.timer);
    clearTimeout(this.typingTimer);
    this.outcome.stop();
    this.context.closed(this.contactId, notice);
  }
}

function message(m) {
  const li = document.createElement('li');
  li.className = m.direction + (m.status === 'FAILED' || m.status === 'UNDELIVERED' ? ' failed' : '');
  const body = Object.assign(document.createElement('span'), { className: 'body', textContent: m.body });
  const meta = Object.assign(document.createElement('span'), { className: 'meta' });
  const who = m.direction === 'IN' ? I.t('citizen') : (m.author ?? session.agent ?? '');
  const status = m.direction === 'OUT' ? ` · ${deliveryStatus(m.status)}${m.error ? ` (${m.error})` : ''}` : '';
  meta.textContent = `${who} · ${I.time(m.at)}${status}`;
  li.append(body, meta);
  for (const url of m.media ?? []) {
    const link = Object.assign(document.createElement('a'), { href: url, textContent: I.t('attachment'), rel: 'noopener noreferrer', target: '_blank' });
    li.append(' ', link);
  }
  return li;
}
