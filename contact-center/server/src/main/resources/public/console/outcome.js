// How a contact ends: resolved, escalated to a department case or transferred, with the operator's
// category of the request (disposition.js); then the wrap-up
// countdown to the server's deadline (wrapUpEndsAt against the server's clock) and "Close now".
// The tab closes when the server says the contact is closed (socket frame or poll), not when the
// browser thinks the time is up.
import { post } from './api.js';
import { serverClock } from './clock.js';
import { Disposition } from './disposition.js';
import { named, refill } from './names.js';

const I = window.I18N;

export class Outcome {
  /** @param finish called with a short notice once the contact is closed */
  constructor(contactId, panel, directory, finish) {
    this.contactId = contactId;
    this.panel = panel;
    this.directory = directory;
    this.finish = finish;
    this.outcome = null;
    this.q('.resolve').addEventListener('click', () => this.resolve());
    this.q('.show-escalate').addEventListener('click', () => this.toggle('.escalate'));
    this.q('.show-transfer').addEventListener('click', () => this.toggle('.transfer'));
    this.q('form.escalate').addEventListener('submit', (e) => { e.preventDefault(); this.escalate(e.target); });
    this.q('form.transfer').addEventListener('submit', (e) => { e.preventDefault(); this.transfer(e.target); });
    this.q('.close-now').addEventListener('click', () => this.close());
    this.fillDirectory();
    this.disposition = new Disposition(this.q('.category-pick'), directory.taxonomy);
  }

  q(selector) { return this.panel.querySelector(selector); }

  toggle(selector) {
    const form = this.q(selector);
    form.hidden = !form.hidden;
    if (!form.hidden) form.querySelector('select, textarea').focus();
  }

  fillDirectory() {
    const departments = this.q('select[name=department]');
    departments.addEventListener('change', () => this.fillCategories());
    this.fillNames();
    refill(this.q('select[name=queue]'), this.directory.queues.map((x) => [x.id, x.name]));
  }

  /** The departments in the operator's language (again when it changes; the choice stays). */
  fillNames() {
    refill(this.q('select[name=department]'), this.directory.departments.map((d) => [d.id, named(d)]));
    this.fillCategories();
  }

  fillCategories() {
    const d = this.directory.departments.find((x) => x.id === this.q('select[name=department]').value);
    refill(this.q('select[name=category]'), (d?.categories ?? []).map((c) => [c, c]));
  }

  /** The operator chose another language: names, the category tree and the countdown's words. */
  translate() {
    this.fillNames();
    this.disposition.translate();
  }

  /** The inserted answer's department becomes the escalation's default. */
  suggestDepartment(departmentId) {
    if (!this.directory.departments.some((d) => d.id === departmentId)) return;
    this.q('select[name=department]').value = departmentId;
    this.fillCategories();
  }

  departmentName(id) {
    const department = this.directory.departments.find((d) => d.id === id);
    return department ? named(department) : id;
  }

  resolve() { return this.wrapUp('RESOLVED', I.t('resolvedOnSpot')); }

  openEscalation() {
    const form = this.q('form.escalate');
    if (form.hidden) this.toggle('.escalate');
  }

  async escalate(form) {
    const data = new FormData(form);
    try {
      const created = await post(`/api/v1/contacts/${this.contactId}/escalate`, {
        department: data.get('department'), category: data.get('category'), summary: data.get('summary'),
      });
      form.hidden = true;
      this.onCase?.(created.id);
      await this.wrapUp('ESCALATED', I.fill('caseOpened', { id: created.id, department: this.departmentName(created.department) }));
    } catch (e) {
      this.say(I.fill('escalationFailed', { why: e.message }));
    }
  }

  async transfer(form) {
    try {
      await post(`/api/v1/contacts/${this.contactId}/transfer`, { toQueue: new FormData(form).get('queue') });
      this.finish(I.t('transferred'));
    } catch (e) {
      this.say(I.fill('transferFailed', { why: e.message }));
    }
  }

  async wrapUp(outcome, text) {
    try {
      const view = await post(`/api/v1/contacts/${this.contactId}/wrap-up`,
        { outcome, note: text, category: this.disposition.value() });
      this.outcome = outcome;
      if (view.state === 'CLOSED') this.finish(text);
      else this.countdown(text, view.wrapUpEndsAt);
    } catch (e) {
      this.say(I.fill('wrapUpUnavailable', { text, why: e.message }));
    }
  }

  /** Shows the wrap-up countdown to the server's deadline (also after a reload). */
  countdown(text, endsAt) {
    this.text = text;
    this.endsAt = endsAt;
    for (const b of this.panel.querySelectorAll('.disposition .actions button')) b.hidden = !b.classList.contains('close-now');
    clearInterval(this.timer);
    const tick = () => {
      const left = serverClock.secondsUntil(this.endsAt);
      this.q('.outcome').textContent = left === null ? I.fill('wrapUp', { text: this.text }) : I.fill('wrapUpLeft', { text: this.text, left });
      this.q('.outcome').dataset.secondsLeft = left ?? '';
    };
    tick();
    this.timer = setInterval(tick, 250);
  }

  async close() {
    try {
      await post(`/api/v1/contacts/${this.contactId}/close`,
        { outcome: this.outcome ?? 'RESOLVED', category: this.disposition.value() });
    } catch (e) {
      // Closed meanwhile (the wrap-up ended on the server): nothing left to close.
      if (e.status !== 404 && e.status !== 409) { this.say(I.fill('closeFailed', { why: e.message })); return; }
    }
    this.finish(this.text ?? I.t('closedDone'));
  }

  say(text) {
    clearInterval(this.timer);
    this.q('.outcome').textContent = text;
  }

  stop() { clearInterval(this.timer); }
}
