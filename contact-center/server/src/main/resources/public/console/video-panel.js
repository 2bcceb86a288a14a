// The video panel of a browser call (VIDEO, or a VOICE call made from the call page): joins the
// call on /ws/call with the operator's token, shows the citizen and the operator's own camera,
// mute, camera off and hang up, the connection quality (round trip, loss, frame rate from
// getStats) and what the citizen wrote. A VOICE contact that is not a browser call (a phone call)
// is refused by the server on join and the panel removes itself. Server values are set with
// textContent only.
import { session } from './api.js';
import { CallPeer, callSocketUrl } from '/call/peer.js';

const QUALITY_MS = 2000;
const REPORT_EVERY = 5; // quality ticks between two reports to the server (10 s)
const FIRST_FRAME_POLL_MS = 50;

function element(tag, attrs = {}, text = '') {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

class VideoPanel {
  constructor(contactId, channel) {
    this.contactId = contactId;
    this.video = channel === 'VIDEO';
    this.root = element('section', { class: 'video-panel', 'aria-label': 'Video call' });
    this.status = element('p', { class: 'video-status', role: 'status' }, 'Joining the call…');
    this.remote = element('video', { class: 'video-remote', autoplay: '', playsinline: '', 'aria-label': 'Citizen' });
    this.self = element('video', { class: 'video-self', autoplay: '', playsinline: '', 'aria-label': 'Your camera' });
    this.self.muted = true;
    this.quality = element('p', { class: 'video-quality', 'aria-live': 'off' });
    this.mute = element('button', { type: 'button', class: 'video-mute', 'aria-pressed': 'false' }, 'Mute');
    this.camera = element('button', { type: 'button', class: 'video-camera', 'aria-pressed': 'false' }, 'Camera off');
    this.hangup = element('button', { type: 'button', class: 'video-hangup danger' }, 'Hang up');
    this.texts = element('ul', { class: 'video-texts', 'aria-label': 'Written by the citizen' });
    const views = element('div', { class: 'video-views' });
    views.append(this.remote, this.self);
    const buttons = element('div', { class: 'video-buttons' });
    buttons.append(this.mute, this.camera, this.hangup);
    this.root.append(this.status, views, buttons, this.quality, this.texts);
    if (!this.video) this.camera.hidden = true;
    this.mute.addEventListener('click', () => this.toggle('audio', this.mute, 'Mute', 'Unmute'));
    this.camera.addEventListener('click', () => this.toggle('video', this.camera, 'Camera off', 'Camera on'));
    this.hangup.addEventListener('click', () => this.send({ type: 'hangup', contactId: this.contactId }));
    this.acceptedAt = performance.now();
    this.ticks = 0;
    this.connect();
  }

  connect() {
    this.socket = new WebSocket(callSocketUrl(session.token));
    this.socket.addEventListener('open', () => this.send({ type: 'join', contactId: this.contactId }));
    this.socket.addEventListener('message', (event) => this.onFrame(JSON.parse(event.data)));
    this.socket.addEventListener('close', () => {
      if (this.ended) return;
      this.status.textContent = 'Connection lost. Reconnecting…';
      setTimeout(() => this.connect(), 1000);
    });
  }

  send(frame) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  onFrame(frame) {
    if (frame.type === 'joined') this.joined(frame);
    else if (frame.type === 'ready') this.ready();
    else if (frame.type === 'answer') {
      this.peer?.apply(frame);
      this.status.textContent = 'Connected.';
    } else if (frame.type === 'candidate') this.peer?.apply(frame);
    else if (frame.type === 'text') this.addText(frame.body);
    else if (frame.type === 'peer-left') this.status.textContent = 'The citizen\'s connection dropped; waiting for them to come back…';
    else if (frame.type === 'peer-back') this.status.textContent = 'The citizen is back; reconnecting the media…';
    else if (frame.type === 'ended') this.end();
    else if (frame.type === 'error' && frame.error === 'forbidden' && !this.peer) this.remove();
    else if (frame.type === 'error') this.status.textContent = `Not done: ${frame.message}`;
  }

  joined(frame) {
    this.status.textContent = 'Connecting the media…';
    if (!this.peer) (frame.texts ?? []).forEach((t) => this.addText(t));
    this.iceServers = frame.iceServers ?? [];
    this.iceTransportPolicy = frame.iceTransportPolicy ?? 'all';
    if (!this.media) {
      this.media = navigator.mediaDevices.getUserMedia(this.video ? { video: true, audio: true } : { audio: true });
    }
  }

  async ready() {
    const media = await this.media;
    if (!this.peer) {
      this.peer = new CallPeer(this.contactId, (f) => this.send(f), (stream) => {
        this.remote.srcObject = stream;
        this.status.textContent = 'Connected.';
      }, this.iceServers, this.iceTransportPolicy);
      this.self.srcObject = media;
      this.peer.addStream(media);
      this.root.dataset.contactId = this.contactId;
      window.onenumberCalls = { ...(window.onenumberCalls ?? {}), [this.contactId]: this.peer };
      this.timer = setInterval(() => this.showQuality(), QUALITY_MS);
      this.watchFirstFrame();
      this.peer.offer(false);
    } else {
      this.peer.offer(true);
    }
  }

  /** Notes the time from accept to the first decoded remote frame (checked every 50 ms until then, video only). */
  watchFirstFrame() {
    if (!this.video) return;
    const check = async () => {
      if (this.ended || this.firstFrameMs !== undefined) return;
      const q = await this.peer.quality();
      if (q.framesDecoded > 0) {
        this.firstFrameMs = Math.round(performance.now() - this.acceptedAt);
        this.showQuality();
      } else setTimeout(check, FIRST_FRAME_POLL_MS);
    };
    check();
  }

  /** Shows round trip, loss, frame rate and whether media go through TURN; reports the summary at the first frame and every 10 s. */
  async showQuality() {
    const q = await this.peer.quality();
    const now = performance.now();
    const total = q.packetsLost + q.packetsReceived;
    const loss = total ? (100 * q.packetsLost) / total : 0;
    const kbps = this.last ? Math.max(0, Math.round((8 * (q.bytesReceived - this.last.bytes)) / (now - this.last.at))) : null;
    this.last = { bytes: q.bytesReceived, at: now };
    this.quality.textContent = `Round trip ${q.rttMs ?? '—'} ms · loss ${loss.toFixed(1)} % · ${Math.round(q.fps ?? 0)} frames/s`
      + (q.route === 'relay' ? ' · relayed by TURN' : '');
    const firstReport = this.firstFrameMs !== undefined && !this.reportedFirst;
    if (firstReport) this.reportedFirst = true;
    if (firstReport || ++this.ticks % REPORT_EVERY === 0) {
      this.send({ type: 'quality', contactId: this.contactId, firstFrameMs: this.firstFrameMs ?? null, rttMs: q.rttMs,
        lossPercent: Math.round(loss * 10) / 10, fps: Math.round((q.fps ?? 0) * 10) / 10, bitrateKbps: kbps,
        framesDecoded: q.framesDecoded });
    }
  }

  toggle(kind, button, on, off) {
    const pressed = button.getAttribute('aria-pressed') !== 'true';
    this.media?.then((m) => m.getTracks().filter((t) => t.kind === kind).forEach((t) => { t.enabled = !pressed; }));
    button.setAttribute('aria-pressed', String(pressed));
    button.textContent = pressed ? off : on;
  }

  addText(body) {
    this.texts.append(element('li', {}, body));
  }

  end() {
    this.ended = true;
    clearInterval(this.timer);
    this.peer?.close();
    this.media?.then((m) => m.getTracks().forEach((t) => t.stop())).catch(() => {});
    this.socket?.close();
    this.status.textContent = 'The call has ended.';
    this.mute.disabled = true;
    this.camera.disabled = true;
    this.hangup.disabled = true;
  }

  remove() {
    this.ended = true;
    this.socket?.close();
    this.root.remove();
  }
}

/** Adds the video panel of {@code contactId} at the top of its conversation tab. */
export function mountVideoPanel(panel, contactId, channel) {
  const video = new VideoPanel(contactId, channel);
  (panel.querySelector('.conversation') ?? panel).prepend(video.root);
  return video;
}
