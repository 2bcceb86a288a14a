// The audible ring of an offered call (VIDEO or VOICE): a short two-note tone from Web Audio every
// 2 s while a call offer is open, generated (no sound file). "Mute ringing" silences it; the
// choice is kept in this browser. Muted or not, the call's offer card rings visibly: its border
// pulses, unless the operator prefers reduced motion (console.css). Tests read window.onenumberRing.
const MUTED = 'onenumber.ring.muted';
const EVERY_MS = 2000;
const I = window.I18N;

export class Ringer {
  constructor(button) {
    this.button = button;
    this.muted = localStorage.getItem(MUTED) === 'true';
    this.timer = null;
    this.started = 0; // oscillators started, for tests
    this.paint();
    button.addEventListener('click', () => {
      this.muted = !this.muted;
      localStorage.setItem(MUTED, String(this.muted));
      this.paint();
    });
    window.onenumberRing = this;
    I.onChange(() => this.paint());
  }

  /** Rings while {@code on} (a call offer is open), stops otherwise. */
  ring(on) {
    this.ringing = on;
    if (on && !this.timer) {
      this.beep();
      this.timer = setInterval(() => this.beep(), EVERY_MS);
    } else if (!on && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  beep() {
    if (this.muted) return;
    try {
      const audio = this.context ??= new AudioContext();
      if (audio.state === 'suspended') audio.resume().catch(() => {});
      this.started += playNotes(audio, [523, 659, 523, 659], 0.15);
    } catch (e) { /* no audio device: the card still rings visibly */ }
  }

  paint() {
    this.button.setAttribute('aria-pressed', String(this.muted));
    this.button.textContent = I.t(this.muted ? 'ringingMuted' : 'muteRinging');
  }
}

/** Plays {@code notes} (Hz) one after another, {@code step} seconds apart, quietly; returns how many started. */
export function playNotes(audio, notes, step) {
  notes.forEach((hz, i) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    gain.gain.value = 0.08;
    osc.frequency.value = hz;
    osc.connect(gain).connect(audio.destination);
    osc.start(audio.currentTime + i * step);
    osc.stop(audio.currentTime + i * step + step - 0.02);
  });
  return notes.length;
}
