// One contact in the console: its messages (fetched when the agent socket says they changed, and
// by a slow fallback poll for when the socket is down), the reply box, the citizen panel, the
// knowledge panel, and the outcome (resolved, escalated to a department, transferred) with the
// wrap-up countdown. Message text is always set with textContent.
import { get, post } from './api.js';
import { KnowledgePanel } from './knowledge.js';

// The socket pushes message frames; this poll only covers a socket that is down or a lost frame.
const FALLBACK_POLL_MS = 10000;
const TYPING_SHOWN_MS = 4000;

export class Conversation {
  constructor(assignment, panel, directory, onClosed) {
    this.contactId = assignment.contactId;
    this.language = assignment.language;
    this.panel = panel;
    this.directory = directory;
    this.onClosed = onClosed;
    this.lastTyping = 0;
    this.citizenTypingUntil = 0;
    this.presence = null;
    this.loading = null;
    this.again = false;
    this.knowledge = new KnowledgePanel(panel.querySelector('.knowledge'), assignment.language, (text) => this.insert(text));
    this.wire();
    this.loadCitizen();
    this.refresh();
    this.timer = setInterval(() => this.refresh(), FALLBACK_POLL_MS);
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
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const box = form.elements.reply;
      const body = box.value.trim();
      if (!body) return;
      try {
        await post(`/api/v1/contacts/${this.contactId}/messages`, { body });
        box.value = '';
        this.q('.reply .error').textContent = '';
        this.refresh();
      } catch (err) {
        this.q('.reply .error').textContent = `Not sent: ${err.message}`;
      }
      box.focus();
    });
    form.elements.reply.addEventListener('input', () => {
      if (Date.now() - this.lastTyping > 2000) {
        this.lastTyping = Date.now();
        post(`/api/v1/contacts/${this.contactId}/typing`).catch(() => {});
      }
    });
    this.q('.resolve').addEventListener('click', () => this.wrapUp('RESOLVED', 'Resolved on the spot.'));
    this.q('.show-escalate').addEventListener('click', () => this.toggle('.escalate'));
    this.q('.show-transfer').addEventListener('click', () => this.toggle('.transfer'));
    this.q('form.escalate').addEventListener('submit', (e) => { e.preventDefault(); this.escalate(e.target); });
    this.q('form.transfer').addEventListener('submit', (e) => { e.preventDefault(); this.transfer(e.target); });
    this.q('.close-now').addEventListener('click', () => this.close());
    this.fillDirectory();
  }

  toggle(selector) {
    const form = this.q(selector);
    form.hidden = !form.hidden;
    if (!form.hidden) form.querySelector('select, textarea').focus();
  }

  fillDirectory() {
    const departments = this.q('select[name=department]');
    const categories = this.q('select[name=category]');
    const option = (value, label) => Object.assign(document.createElement('option'), { value, textContent: label });
    departments.replaceChildren(...this.directory.departments.map((d) => option(d.id, `${d.nameEn} · ${d.nameKo}`)));
    const fillCategories = () => {
      const d = this.directory.departments.find((x) => x.id === departments.value);
      categories.replaceChildren(...(d?.categories ?? []).map((c) => option(c, c)));
    };
    departments.addEventListener('change', fillCategories);
    fillCategories();
    this.q('select[name=queue]').replaceChildren(...this.directory.queues.map((x) => option(x.id, x.name)));
  }

  insert(text) {
    const box = this.q('form.reply').elements.reply;
    box.value = box.value ? `${box.value}\n${text}` : text;
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
      this.q('.presence').textContent = `Cannot load messages (${e.message})`;
    }
  }

  renderPresence() {
    const presence = this.presence ?? { citizenConnected: true };
    const parts = [presence.citizenConnected ? 'Citizen online' : 'Citizen offline'];
    if (presence.citizenTyping || Date.now() < this.citizenTypingUntil) parts.push('typing…');
    if (presence.satisfaction) parts.push(`survey ${presence.satisfaction}/5, resolved: ${presence.resolved ? 'yes' : 'no'}`);
    this.q('.presence').textContent = parts.join(' · ');
  }

  render(items) {
    const log = this.q('.log');
    if (log.dataset.count === String(items.length) && log.dataset.last === JSON.stringify(items.map((m) => m.status))) return;
    log.dataset.count = String(items.length);
    log.dataset.last = JSON.stringify(items.map((m) => m.status));
    log.replaceChildren(...items.map((m) => {
      const li = document.createElement('li');
      li.className = m.direction + (m.status === 'FAILED' || m.status === 'UNDELIVERED' ? ' failed' : '');
      const body = Object.assign(document.createElement('span'), { className: 'body', textContent: m.body });
      const meta = Object.assign(document.createElement('span'), { className: 'meta' });
      const who = m.direction === 'IN' ? 'Citizen' : (m.author ?? '');
      const status = m.direction === 'OUT' ? ` · ${m.status}${m.error ? ` (${m.error})` : ''}` : '';
      meta.textContent = `${who} · ${new Date(m.at).toLocaleTimeString()}${status}`;
      li.append(body, meta);
      for (const url of m.media ?? []) {
        const link = Object.assign(document.createElement('a'), { href: url, textContent: 'attachment', rel: 'noopener noreferrer', target: '_blank' });
        li.append(' ', link);
      }
      return li;
    }));
    log.scrollTop = log.scrollHeight;
    const latest = [...items].reverse().find((m) => m.direction === 'IN');
    if (latest) this.knowledge.suggestFor(latest.body);
  }

  async loadCitizen() {
    try {
      const contact = await get(`/api/v1/contacts/${this.contactId}`);
      const citizen = await get(`/api/v1/citizens/${contact.citizenId}`);
      const facts = this.q('.facts');
      const add = (term, value) => facts.append(
        Object.assign(document.createElement('dt'), { textContent: term }),
        Object.assign(document.createElement('dd'), { textContent: value }));
      add('Name', citizen.name ?? '—');
      add('Language', citizen.preferredLanguage);
      for (const id of citizen.identities ?? []) add(id.kind, id.value);
      add('SMS opt-out', citizen.consent?.smsOptOut ? 'yes (STOP)' : 'no');
      add('Keep history', citizen.consent?.storeHistory ? 'yes' : 'no');
      this.q('.history').replaceChildren(...(citizen.contacts ?? []).filter((c) => c.id !== this.contactId).map((c) =>
        Object.assign(document.createElement('li'), {
          textContent: `${new Date(c.createdAt).toLocaleString()} · ${c.channel} · ${c.state} · ${c.topic ?? ''}`,
        })));
    } catch (e) {
      this.q('.facts').replaceChildren(Object.assign(document.createElement('dd'), { textContent: `Unavailable (${e.message})` }));
    }
  }

  async escalate(form) {
    const data = new FormData(form);
    try {
      const created = await post(`/api/v1/contacts/${this.contactId}/escalate`, {
        department: data.get('department'), category: data.get('category'), summary: data.get('summary'),
      });
      form.hidden = true;
      await this.wrapUp('ESCALATED', `Case ${created.id} opened for ${created.department}.`);
    } catch (e) {
      this.q('.outcome').textContent = `Escalation failed: ${e.message}`;
    }
  }

  async transfer(form) {
    try {
      await post(`/api/v1/contacts/${this.contactId}/transfer`, { toQueue: new FormData(form).get('queue') });
      this.q('.outcome').textContent = 'Transferred.';
      this.finish();
    } catch (e) {
      this.q('.outcome').textContent = `Transfer failed: ${e.message}`;
    }
  }

  async wrapUp(outcome, text) {
    try {
      const view = await post(`/api/v1/contacts/${this.contactId}/wrap-up`, { outcome, note: text });
      this.outcome = outcome;
      this.countdown(text, view.wrapUpEndsAt);
    } catch (e) {
      this.q('.outcome').textContent = `${text} Wrap-up not available: ${e.message}`;
    }
  }

  countdown(text, endsAt) {
    const out = this.q('.outcome');
    const closeNow = this.q('.close-now');
    closeNow.hidden = false;
    const tick = () => {
      const left = endsAt ? Math.max(0, Math.round((Date.parse(endsAt) - Date.now()) / 1000)) : 0;
      out.textContent = `${text} Wrap-up: ${left} s left.`;
      if (endsAt && left === 0) { clearInterval(this.wrapTimer); this.finish(); }
    };
    tick();
    this.wrapTimer = setInterval(tick, 1000);
  }

  async close() {
    try {
      await post(`/api/v1/contacts/${this.contactId}/close`, { outcome: this.outcome ?? 'RESOLVED' });
    } catch (e) {
      this.q('.outcome').textContent = `Close failed: ${e.message}`;
      return;
    }
    this.finish();
  }

  finish() {
    clearInterval(this.timer);
    clearInterval(this.wrapTimer);
    clearTimeout(this.typingTimer);
    this.onClosed(this.contactId);
  }
}
