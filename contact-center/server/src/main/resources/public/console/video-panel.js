// The video panel of a browser call (VIDEO, or a VOICE call made from the call page): joins the
// call on /ws/call with the operator's token, shows the other parties and the operator's own
// camera, mute, camera off, picture-in-picture and hang up, the connection quality (round trip,
// loss, frame rate from getStats) and what the citizen wrote. A VOICE contact that is not a
// browser call (a phone call) is refused by the server on join and the panel removes itself.
//
// Three-way relay: the host (the operator routing connected) invites another signed-in operator by
// id, a free operator of an interpreter queue, or a department's staff (on the department portal), or
// makes a one-time link for a hearing party; each pair of parties has its own peer
// connection (a mesh of three), so the panel keeps one CallPeer per other party. An invited
// operator's console mounts the same panel as the guest (role 'guest'): it offers to the citizen,
// answers the host, and leaves without ending the call. When the server of its socket gave the call up
// (rehomed with reconnect: that server was frozen while another took the call over), the host and the
// guest alike open a new socket and join again: the live home seats the guest again, as it never left.
// Server values are set with textContent only.
import { session } from './api.js';
import { CallPeer, callSocketUrl } from '/call/peer.js';

const QUALITY_MS = 2000;
const REPORT_EVERY = 5; // quality ticks between two reports to the server (10 s)
const FIRST_FRAME_POLL_MS = 50;
// A join refused after the call moved is tried again each second this many times: the live home may not hold
// the call yet (one server alone rebuilds it only when the citizen resumes).
const REJOIN_TRIES = 30;
const I = window.I18N;
const NAMES = { citizen: 'vp_citizen', operator: 'vp_operator', guest: 'vp_guest' };
const INVITEES = [['agent', 'vp_kindAgent'], ['queue', 'vp_kindQueue'], ['department', 'vp_kindDepartment']];
const INVITEE_LABELS = { agent: 'vp_inviteeAgent', queue: 'vp_inviteeQueue', department: 'vp_inviteeDepartment' };

function element(tag, attrs = {}, text = '') {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

class VideoPanel {
  constructor(contactId, channel, role) {
    this.contactId = contactId;
    this.video = channel === 'VIDEO';
    this.guest = role === 'guest';
    this.peers = {};
    this.tiles = {};
    this.chain = Promise.resolve();
    this.root = element('section', { class: `video-panel${this.guest ? ' guest-call' : ''}`,
      'aria-label': I.t(this.guest ? 'vp_invitedCall' : 'vp_videoCall') });
    this.status = element('p', { class: 'video-status', role: 'status' }, I.t('vp_joining'));
    this.self = element('video', { class: 'video-self', autoplay: '', playsinline: '', 'aria-label': I.t('vp_yourCamera') });
    this.self.muted = true;
    this.views = element('div', { class: 'video-views' });
    this.views.append(this.self);
    this.quality = element('p', { class: 'video-quality', 'aria-live': 'off' });
    this.mute = element('button', { type: 'button', class: 'video-mute', 'aria-pressed': 'false' }, I.t('vp_mute'));
    this.camera = element('button', { type: 'button', class: 'video-camera', 'aria-pressed': 'false' }, I.t('vp_cameraOff'));
    this.pip = element('button', { type: 'button', class: 'video-pip', 'aria-pressed': 'false', 'data-i18n': 'vp_pip' }, I.t('vp_pip'));
    this.hangup = element('button', { type: 'button', class: 'video-hangup danger', 'data-i18n': this.guest ? 'vp_leave' : 'vp_hangUp' },
      I.t(this.guest ? 'vp_leave' : 'vp_hangUp'));
    this.texts = element('ul', { class: 'video-texts', 'aria-label': I.t('vp_written') });
    const buttons = element('div', { class: 'video-buttons' });
    buttons.append(this.mute, this.camera, this.pip, this.hangup);
    this.root.append(this.status, this.views, buttons);
    if (!this.guest) this.root.append(this.inviteForm());
    this.root.append(this.quality, this.texts);
    if (!this.video) this.camera.hidden = true;
    this.mute.addEventListener('click', () => this.toggle('audio', this.mute, 'vp_mute', 'vp_unmute'));
    this.camera.addEventListener('click', () => this.toggle('video', this.camera, 'vp_cameraOff', 'vp_cameraOn'));
    this.pip.addEventListener('click', () => this.togglePictureInPicture());
    this.hangup.addEventListener('click', () => this.send({ type: this.guest ? 'leave' : 'hangup', contactId: this.contactId }));
    this.acceptedAt = performance.now();
    this.ticks = 0;
    this.connect();
  }

  /**
   * The host's invitation of a third party: another operator by id, a free operator of an
   * interpreter queue (the server picks one), the staff of a department (on the department portal),
   * or a one-time link.
   */
  inviteForm() {
    const form = element('form', { class: 'video-invite' });
    const id = `invite-${this.contactId}`;
    const kindLabel = element('label', { for: `${id}-kind`, 'data-i18n': 'vp_invite' }, I.t('vp_invite'));
    const kind = element('select', { id: `${id}-kind`, name: 'kind', class: 'video-invite-kind' });
    for (const [value, key] of INVITEES) kind.append(element('option', { value, 'data-i18n': key }, I.t(key)));
    const label = element('label', { for: id, 'data-i18n': INVITEE_LABELS.agent }, I.t(INVITEE_LABELS.agent));
    this.inviteAgent = element('input', { id, name: 'agent', autocomplete: 'off', size: '18' });
    kind.addEventListener('change', () => {
      label.dataset.i18n = INVITEE_LABELS[kind.value];
      label.textContent = I.t(INVITEE_LABELS[kind.value]);
      this.inviteAgent.name = kind.value;
      this.inviteAgent.value = kind.value === 'queue' ? 'sign-language-video' : '';
    });
    const invite = element('button', { type: 'submit', class: 'secondary video-invite-agent', 'data-i18n': 'vp_invite' }, I.t('vp_invite'));
    const link = element('button', { type: 'button', class: 'secondary video-invite-link', 'data-i18n': 'vp_makeLink' },
      I.t('vp_makeLink'));
    this.linkLabel = element('label', { for: `${id}-link`, hidden: '', 'data-i18n': 'vp_linkLabel' }, I.t('vp_linkLabel'));
    this.linkOut = element('input', { id: `${id}-link`, class: 'video-link', readonly: '', hidden: '' });
    form.append(kindLabel, kind, label, this.inviteAgent, invite, link, this.linkLabel, this.linkOut);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = this.inviteAgent.value.trim();
      if (value) this.send({ type: 'invite', contactId: this.contactId, [kind.value]: value });
    });
    link.addEventListener('click', () => this.send({ type: 'invite', contactId: this.contactId, link: true }));
    return form;
  }

  connect() {
    this.renewed ??= (event) => this.send({ type: 'auth', token: event.detail.token }); // keeps the socket past the token's expiry
    window.removeEventListener('onenumber:renewed', this.renewed);
    window.addEventListener('onenumber:renewed', this.renewed);
    this.socket = new WebSocket(callSocketUrl(session.token));
    this.socket.addEventListener('open', () => this.send({ type: 'join', contactId: this.contactId }));
    this.socket.addEventListener('message', (event) => this.onFrame(JSON.parse(event.data)));
    this.socket.addEventListener('close', () => {
      if (this.ended) return;
      if (this.guest && !this.rejoining) { this.end(); return; } // a third party who drops has left; the host invites again
      this.status.textContent = I.t(this.guest ? 'vp_rejoining' : 'vp_reconnecting');
      setTimeout(() => this.connect(), 1000);
    });
  }

  send(frame) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  /** Frames that touch a peer connection wait for the camera and for the frames before them. */
  later(work) {
    this.chain = this.chain.then(work).catch((e) => console.warn('call frame failed', e));
  }

  /**
   * The call moved to another server; with reconnect, this socket's server gave it up: a new socket joins
   * again (the guest too: it is seated again where the call lives now).
   */
  moved(reconnect) {
    this.status.textContent = I.t(reconnect && this.guest ? 'vp_rejoining' : 'vp_moved');
    if (!reconnect) return;
    this.rejoining = REJOIN_TRIES;
    this.socket.close();
  }

  /** A join refused after the call moved: tried again in a second, a few times; then a guest has left. */
  refused(frame) {
    if (--this.rejoining > 0) setTimeout(() => this.send({ type: 'join', contactId: this.contactId }), 1000);
    else if (this.guest) this.end();
    else this.status.textContent = I.fill('vp_notDone', { why: frame.message });
  }

  onFrame(frame) {
    const from = frame.from ?? 'citizen';
    if (frame.type === 'joined') this.joined(frame);
    else if (frame.type === 'ready') this.later(() => this.ready(frame.party ?? 'citizen'));
    else if (frame.type === 'offer') this.later(async () => (await this.peerFor(from)).apply(frame));
    else if (frame.type === 'answer' || frame.type === 'candidate') this.later(() => this.peers[from]?.apply(frame));
    else if (frame.type === 'text') this.addText(from, frame.body);
    else if (frame.type === 'invited') this.invited(frame);
    else if (frame.type === 'peer-joined') this.status.textContent = I.t('vp_peerJoining');
    else if (frame.type === 'peer-left') this.peerLeft(frame.party ?? 'citizen');
    else if (frame.type === 'peer-back') this.status.textContent = I.t('vp_peerBack');
    else if (frame.type === 'rehomed') this.moved(frame.reconnect);
    else if (frame.type === 'ended') this.end();
    else if (frame.type === 'error' && frame.error === 'forbidden' && this.rejoining) this.refused(frame);
    else if (frame.type === 'error' && frame.error === 'forbidden' && !this.media) this.remove();
    else if (frame.type === 'error') this.status.textContent = I.fill('vp_notDone', { why: frame.message });
  }

  joined(frame) {
    this.rejoining = 0;
    this.root.dataset.joins = String(Number(this.root.dataset.joins ?? 0) + 1); // seated again after a move: 2
    // Joined again after the call moved: the media between the browsers never stopped.
    const flowing = Object.values(this.peers).some((p) => p.pc.connectionState === 'connected');
    this.status.textContent = I.t(flowing ? 'vp_connected' : 'vp_connectingMedia');
    if (!this.started) (frame.texts ?? []).forEach((t) => this.addText('citizen', t));
    this.started = true;
    this.iceServers = frame.iceServers ?? [];
    this.iceTransportPolicy = frame.iceTransportPolicy ?? 'all';
    if (frame.mode) this.video = frame.mode === 'sign';
    this.camera.hidden = !this.video;
    if (!this.media) {
      this.media = navigator.mediaDevices.getUserMedia(this.video ? { video: true, audio: true } : { audio: true });
      this.media.then((m) => { this.self.srcObject = m; }).catch(() => {
        this.status.textContent = I.t('vp_noDevice');
      });
    }
  }

  /** The peer connection with {@code party}, made on first use. */
  async peerFor(party) {
    if (this.peers[party]) return this.peers[party];
    const media = await this.media;
    const peer = new CallPeer(this.contactId, (f) => this.send(f), (stream) => {
      this.tile(party).srcObject = stream;
      this.status.textContent = I.t('vp_connected');
    }, this.iceServers, this.iceTransportPolicy, this.guest || party !== 'citizen' ? party : null);
    peer.addStream(media);
    this.peers[party] = peer;
    this.root.dataset.contactId = this.contactId;
    window.onenumberCallPeers = { ...(window.onenumberCallPeers ?? {}), [`${this.contactId}:${this.guest ? 'guest' : 'host'}`]: this.peers };
    if (!this.guest && party === 'citizen') {
      window.onenumberCalls = { ...(window.onenumberCalls ?? {}), [this.contactId]: peer };
      this.timer = setInterval(() => this.showQuality(), QUALITY_MS);
      this.watchFirstFrame();
    }
    return peer;
  }

  /** Told to offer to {@code party}: a first offer, or a renegotiation with an ICE restart. */
  async ready(party) {
    const known = Boolean(this.peers[party]);
    (await this.peerFor(party)).offer(known);
  }

  /** The video element showing {@code party}, made on first use. */
  tile(party) {
    if (!this.tiles[party]) {
      const figure = element('figure', { class: `video-tile video-${party}` });
      const video = element('video', { class: 'video-remote', autoplay: '', playsinline: '', 'aria-label': I.t(NAMES[party]) });
      figure.append(video, element('figcaption', { 'data-i18n': NAMES[party] }, I.t(NAMES[party])));
      this.views.insertBefore(figure, this.self);
      this.tiles[party] = { figure, video };
    }
    return this.tiles[party].video;
  }

  peerLeft(party) {
    if (party === 'guest') {
      this.peers[party]?.close(false);
      delete this.peers[party];
      this.tiles[party]?.figure.remove();
      delete this.tiles[party];
      this.status.textContent = I.t('vp_guestLeft');
    } else if (party === 'citizen') {
      this.status.textContent = I.t('vp_citizenDropped');
    } else this.status.textContent = I.t('vp_operatorDropped');
  }

  invited(frame) {
    if (frame.link) {
      this.linkOut.value = new URL(`/call/?join=${encodeURIComponent(frame.link)}`, location.origin).href;
      this.linkOut.hidden = false;
      this.linkLabel.hidden = false;
      this.status.textContent = I.t('vp_linkReady');
    } else if (frame.department) {
      this.status.textContent = I.fill('vp_invitedDepartment', { department: frame.department });
    } else if (frame.queue) {
      this.status.textContent = I.fill('vp_invitedQueue', { agent: frame.agent, queue: frame.queue });
    } else this.status.textContent = I.fill('vp_invitedAgent', { agent: frame.agent });
  }

  /** Notes the time from accept to the first decoded remote frame (checked every 50 ms until then, video only). */
  watchFirstFrame() {
    if (!this.video) return;
    const check = async () => {
      if (this.ended || this.firstFrameMs !== undefined) return;
      const q = await this.peers.citizen.quality();
      if (q.framesDecoded > 0) {
        this.firstFrameMs = Math.round(performance.now() - this.acceptedAt);
        this.showQuality();
      } else setTimeout(check, FIRST_FRAME_POLL_MS);
    };
    check();
  }

  /** Shows round trip, loss, frame rate and whether media go through TURN; reports the summary at the first frame and every 10 s. */
  async showQuality() {
    const q = await this.peers.citizen.quality();
    const now = performance.now();
    const total = q.packetsLost + q.packetsReceived;
    const loss = total ? (100 * q.packetsLost) / total : 0;
    const kbps = this.last ? Math.max(0, Math.round((8 * (q.bytesReceived - this.last.bytes)) / (now - this.last.at))) : null;
    this.last = { bytes: q.bytesReceived, at: now };
    this.quality.textContent = I.fill('vp_quality', { rtt: q.rttMs ?? '—', loss: loss.toFixed(1), fps: Math.round(q.fps ?? 0) })
      + (q.route === 'relay' ? I.t('vp_relayed') : '');
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
    button.textContent = I.t(pressed ? off : on);
  }

  /** Floats the citizen's video (or the first party's) above other windows, or brings it back. */
  async togglePictureInPicture() {
    try {
      if (!document.pictureInPictureEnabled) throw new Error('picture in picture is off in this browser');
      if (document.pictureInPictureElement) await document.exitPictureInPicture();
      else {
        const video = this.tiles.citizen?.video ?? Object.values(this.tiles)[0]?.video;
        if (!video) return;
        await video.requestPictureInPicture();
        video.addEventListener('leavepictureinpicture', () => this.pip.setAttribute('aria-pressed', 'false'), { once: true });
      }
      this.pip.setAttribute('aria-pressed', String(Boolean(document.pictureInPictureElement)));
    } catch (e) {
      this.status.textContent = I.t('vp_noPip');
    }
  }

  addText(from, body) {
    const li = element('li');
    li.append(element('strong', {}, `${NAMES[from] ? I.t(NAMES[from]) : from}: `), document.createTextNode(body));
    this.texts.append(li);
  }

  end() {
    this.ended = true;
    clearInterval(this.timer);
    Object.values(this.peers).forEach((p) => p.close(false));
    this.media?.then((m) => m.getTracks().forEach((t) => t.stop())).catch(() => {});
    if (document.pictureInPictureElement) document.exitPictureInPicture().catch(() => {});
    this.socket?.close();
    this.status.textContent = I.t(this.guest ? 'vp_youLeft' : 'vp_ended');
    for (const b of [this.mute, this.camera, this.pip, this.hangup]) b.disabled = true;
  }

  remove() {
    this.ended = true;
    this.socket?.close();
    this.root.remove();
  }
}

/** Adds the video panel of {@code contactId} at the top of its conversation tab. */
export function mountVideoPanel(panel, contactId, channel) {
  const video = new VideoPanel(contactId, channel, 'host');
  (panel.querySelector('.conversation') ?? panel).prepend(video.root);
  return video;
}

/** Joins, as the third party, the call another operator invited this one into ({@code call.invite}). */
export function mountGuestPanel(container, contactId, mode) {
  const video = new VideoPanel(contactId, mode === 'sign' ? 'VIDEO' : 'VOICE', 'guest');
  container.prepend(video.root);
  return video;
}
