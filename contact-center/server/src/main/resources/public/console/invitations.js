// Calls another operator invited this one into (the three-way relay): each `call.invite` frame of
// the operator's socket becomes a card with "Join the call" and "Not now"; joining mounts the
// call's panel as its third party (video-panel.js, role guest) under the cards.
import { mountGuestPanel } from './video-panel.js';

const $ = (id) => document.getElementById(id);
const I = window.I18N;

export class Invitations {
  constructor() {
    this.open = new Map();
  }

  add(frame) {
    if (this.open.has(frame.contactId)) return;
    const li = document.createElement('li');
    const what = I.t(frame.mode === 'sign' ? 'signCall' : 'voiceCall');
    li.append(Object.assign(document.createElement('strong'), { textContent: I.fill('invites', { who: frame.fromName ?? frame.from, what }) }));
    const join = Object.assign(document.createElement('button'), { type: 'button', className: 'join-call', textContent: I.t('joinCall') });
    const later = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', textContent: I.t('notNow') });
    join.addEventListener('click', () => {
      this.dismiss(frame.contactId);
      mountGuestPanel($('guest-calls'), frame.contactId, frame.mode);
      $('invitations-section').hidden = false;
    });
    later.addEventListener('click', () => this.dismiss(frame.contactId));
    li.append(' ', join, ' ', later);
    this.open.set(frame.contactId, li);
    $('invitations').append(li);
    $('invitations-section').hidden = false;
  }

  dismiss(contactId) {
    this.open.get(contactId)?.remove();
    this.open.delete(contactId);
    if (!this.open.size && !$('guest-calls').children.length) $('invitations-section').hidden = true;
  }
}
