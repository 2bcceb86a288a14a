// Incoming offers: one card per offer with Accept and Decline and a countdown to the server's
// deadline (expiresAt against the server's clock). A new offer raises a desktop notification (the
// permission is asked once, on the first click in the console) and a short tone; a call (VIDEO or
// VOICE) rings instead, audibly and visibly, while its offer is open (ringer.js).
import { serverClock } from './clock.js';
import { Ringer, playNotes } from './ringer.js';
import { channelName, languageName } from './names.js';

const I = window.I18N;

const isCall = (offer) => offer.channel === 'VIDEO' || offer.channel === 'VOICE';

const $ = (id) => document.getElementById(id);

export class Offers {
  constructor(onAnswer, queueName) {
    this.onAnswer = onAnswer;
    this.queueName = queueName;
    this.items = [];
    this.seen = new Set();
    this.timer = null;
    this.ringer = new Ringer($('ring-mute'));
    document.addEventListener('click', askPermissionOnce, { once: true });
  }

  replace(offers) {
    this.items = offers ?? [];
    this.render();
  }

  add(offer) {
    this.items = this.items.filter((o) => o.offerId !== offer.offerId).concat(offer);
    this.render();
  }

  remove(offerId) {
    this.items = this.items.filter((o) => o.offerId !== offerId);
    this.render();
  }

  first() { return this.items[0]; }

  render() {
    $('no-offers').hidden = this.items.length > 0;
    $('offers').replaceChildren(...this.items.map((offer) => this.card(offer)));
    for (const offer of this.items) {
      if (!this.seen.has(offer.offerId)) { this.seen.add(offer.offerId); announce(offer, this.queueName(offer.queueId)); }
    }
    this.ringer.ring(this.items.some(isCall));
    this.tick();
    clearInterval(this.timer);
    if (this.items.length) this.timer = setInterval(() => this.tick(), 250);
  }

  card(offer) {
    const li = document.createElement('li');
    if (isCall(offer)) li.className = 'ringing';
    const title = Object.assign(document.createElement('strong'), { textContent: `${channelName(offer.channel)} · ${languageName(offer.language)} · ${this.queueName(offer.queueId)}` });
    const topic = Object.assign(document.createElement('p'), { textContent: offer.topic ?? '' });
    const timer = Object.assign(document.createElement('p'), { className: 'countdown' });
    timer.dataset.expires = offer.expiresAt;
    const accept = Object.assign(document.createElement('button'), { type: 'button', className: 'accept', textContent: I.t('accept') });
    const decline = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary decline', textContent: I.t('decline') });
    const about = { channel: channelName(offer.channel), topic: offer.topic ?? '' };
    accept.setAttribute('aria-label', I.fill('acceptLabel', about));
    decline.setAttribute('aria-label', I.fill('declineLabel', about));
    accept.addEventListener('click', () => this.onAnswer(offer, 'accept'));
    decline.addEventListener('click', () => this.onAnswer(offer, 'decline'));
    li.append(title, topic, timer, accept, ' ', decline);
    return li;
  }

  tick() {
    for (const timer of document.querySelectorAll('#offers .countdown')) {
      timer.textContent = I.fill('expiresIn', { s: serverClock.secondsUntil(timer.dataset.expires) ?? '?' });
    }
  }
}

function askPermissionOnce() {
  if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission().catch(() => {});
}

function announce(offer, queue) {
  if (!isCall(offer)) tone();
  if ('Notification' in window && Notification.permission === 'granted' && document.hidden) {
    try { new Notification(I.t('newContact'), { body: `${channelName(offer.channel)} · ${queue}`, tag: offer.offerId }); } catch (e) { /* not allowed here */ }
  }
}

/** A 0.2 s two-note tone from Web Audio (no sound file to load). */
function tone() {
  try {
    playNotes(tone.context ??= new AudioContext(), [660, 880], 0.12);
  } catch (e) { /* no audio device */ }
}
