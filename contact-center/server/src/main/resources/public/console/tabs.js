// The conversation tabs (WAI-ARIA tabs): one per held contact, named by the citizen (name, or the
// masked phone) and the channel, with an unread count for tabs not in view.
const $ = (id) => document.getElementById(id);
const I = window.I18N;

/** "***-5678" for a phone number: enough to tell two citizens apart on screen, no more. */
export function maskPhone(value) {
  const digits = String(value ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? `***-${digits.slice(-4)}` : '***';
}

export class Tabs {
  constructor() {
    this.unread = new Map();
    this.labels = new Map();
  }

  ids() { return [...document.querySelectorAll('#tabs [role=tab]')].map((t) => t.dataset.contact); }

  selected() { return document.querySelector('#tabs [role=tab][aria-selected=true]')?.dataset.contact ?? null; }

  /** Adds a tab and its panel (filled from the panel template) and returns the panel. */
  add(id, label, onSelect) {
    const tab = Object.assign(document.createElement('button'), { type: 'button', id: `tab-${id}`, className: 'tab' });
    tab.dataset.contact = id;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', `panel-${id}`);
    const panel = document.createElement('div');
    panel.id = `panel-${id}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    panel.append($('panel-template').content.cloneNode(true));
    I.apply(panel); // the template is written in English: the panel speaks the operator's language
    tab.addEventListener('click', () => { this.select(id); onSelect?.(id); });
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') this.next(e.key === 'ArrowRight' ? 1 : -1, true);
    });
    $('tabs').append(tab);
    $('panels').append(panel);
    this.label(id, label);
    return panel;
  }

  label(id, text) {
    this.labels.set(id, text);
    this.paint(id);
  }

  paint(id) {
    const tab = $(`tab-${id}`);
    if (!tab) return;
    const n = this.unread.get(id) ?? 0;
    tab.textContent = n ? `${this.labels.get(id)} (${n})` : this.labels.get(id);
    tab.setAttribute('aria-label', n ? I.fill('unread', { label: this.labels.get(id), n }) : this.labels.get(id));
    tab.classList.toggle('unread', n > 0);
  }

  /** A citizen message arrived: counted unless its tab is the one in view. */
  arrived(id) {
    if (this.selected() === id && !document.hidden) return;
    this.unread.set(id, (this.unread.get(id) ?? 0) + 1);
    this.paint(id);
  }

  select(id) {
    for (const tab of document.querySelectorAll('#tabs [role=tab]')) {
      const on = tab.dataset.contact === id;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !on;
    }
    this.unread.delete(id);
    this.paint(id);
  }

  /** Moves to the next (or previous) tab, wrapping around. */
  next(step = 1, focus = false) {
    const ids = this.ids();
    if (!ids.length) return;
    const i = ids.indexOf(this.selected());
    const id = ids[(i + step + ids.length) % ids.length];
    this.select(id);
    if (focus) $(`tab-${id}`).focus();
  }

  remove(id) {
    $(`tab-${id}`)?.remove();
    $(`panel-${id}`)?.remove();
    this.unread.delete(id);
    this.labels.delete(id);
    if (this.selected() === null && this.ids().length) this.select(this.ids()[0]);
  }
}
