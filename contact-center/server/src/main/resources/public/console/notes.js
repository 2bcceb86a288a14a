// Internal notes on a contact: written by operators (and whispers from a supervisor), never sent
// to the citizen, stored with the contact next to its wrap-up note.
import { get, post } from './api.js';

const I = window.I18N;
const KIND = { WRAP_UP: 'noteWrapUp', WHISPER: 'noteSupervisor' };

export class Notes {
  constructor(contactId, panel) {
    this.contactId = contactId;
    this.list = panel.querySelector('.note-list');
    this.form = panel.querySelector('.note-form');
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.add(); });
    this.load();
  }

  async load() {
    try { this.render((await get(`/api/v1/contacts/${this.contactId}/notes`)).items ?? []); } catch (e) { /* shown empty */ }
  }

  async add() {
    const input = this.form.elements.note;
    const body = input.value.trim();
    if (!body) return;
    try {
      await post(`/api/v1/contacts/${this.contactId}/notes`, { body });
      input.value = '';
      await this.load();
    } catch (e) {
      input.setCustomValidity(e.message);
      input.reportValidity();
      input.setCustomValidity('');
    }
  }

  render(items) {
    this.list.replaceChildren(...items.map((n) => {
      const li = document.createElement('li');
      li.className = n.kind.toLowerCase();
      const meta = Object.assign(document.createElement('span'), { className: 'meta',
        textContent: `${I.t(KIND[n.kind] ?? 'noteNote')} · ${n.author} · ${I.time(n.at)}` });
      li.append(Object.assign(document.createElement('span'), { textContent: n.body }), ' ', meta);
      return li;
    }));
  }
}
