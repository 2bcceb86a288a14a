// The chat protocol client: one conversation that survives reconnects and page reloads.
// Messages it sends stay in the outbox until the server's ack and are re-sent (same clientId)
// after every (re)connect, and after retryAfter seconds when the server answers `unavailable` (busy,
// or its database down: the frame was refused, nothing of it stored); messages it receives are
// acknowledged and shown once (ids remembered).
const STORE = 'onenumber.chat.v1';

export class ChatConnection {
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.state = JSON.parse(sessionStorage.getItem(STORE) || 'null') ||
      { token: null, language: null, seen: [], outbox: [], log: [], ended: false };
    this.delay = 500;
    this.socket = null;
    this.greeted = false; // the open socket's start or resume was answered with a session
    this.retry = null;
  }

  save() { sessionStorage.setItem(STORE, JSON.stringify(this.state)); }

  static clear() { sessionStorage.removeItem(STORE); }

  open(language) {
    if (language) { this.state.language = language; this.save(); }
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.delay = 500;
      this.greeted = false;
      this.handlers.online?.();
      this.hello();
    });
    socket.addEventListener('message', (event) => this.receive(JSON.parse(event.data)));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.handlers.offline?.();
      setTimeout(() => this.open(), this.delay);
      this.delay = Math.min(this.delay * 2, 8000);
    });
  }

  hello() {
    this.raw(this.state.token ? { type: 'resume', token: this.state.token }
      : { type: 'start', language: this.state.language });
  }

  // Everything the server has not answered yet: the outbox, and the leave.
  resend() {
    this.state.outbox.forEach((m) => this.raw({ type: 'message', clientId: m.clientId, body: m.body }));
    if (this.state.leaving) this.raw({ type: 'leave' });
  }

  // The server refused a frame for now: after retryAfter seconds the socket's greeting is sent
  // again if it had no session yet, else what is unanswered. A reconnect first does both anyway.
  retryLater(seconds) {
    if (this.retry) return;
    const socket = this.socket;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.socket !== socket) return;
      if (this.greeted) this.resend(); else this.hello();
    }, Math.max(1, Number(seconds) || 1) * 1000);
  }

  raw(frame) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  // The citizen ends the chat: routing is told (a waiting chat is abandoned); nothing is re-sent
  // after it. If the socket is down, the leave is sent on the next session frame instead.
  leave() {
    this.state.outbox = [];
    this.state.ended = true;
    this.state.leaving = true;
    this.save();
    this.raw({ type: 'leave' });
  }

  send(body) {
    const item = { clientId: randomId(), body, at: new Date().toISOString() };
    this.state.outbox.push(item);
    this.state.log.push({ key: item.clientId, mine: true, body, at: item.at, pending: true });
    this.save();
    this.handlers.changed?.();
    this.raw({ type: 'message', clientId: item.clientId, body });
  }

  receive(frame) {
    switch (frame.type) {
      case 'session':
        this.state.token = frame.token;
        this.state.language = frame.language;
        this.save();
        this.greeted = true;
        this.resend();
        this.handlers.session?.(frame);
        break;
      case 'ack': {
        this.state.outbox = this.state.outbox.filter((m) => m.clientId !== frame.clientId);
        const entry = this.state.log.find((e) => e.key === frame.clientId);
        if (entry) entry.pending = false;
        this.save();
        this.handlers.changed?.();
        break;
      }
      case 'message':
        this.raw({ type: 'ack', id: frame.id });
        if (this.state.seen.includes(frame.id)) return;
        this.state.seen.push(frame.id);
        this.state.log.push({ key: frame.id, mine: false, author: frame.author, body: frame.body, at: frame.at });
        this.save();
        this.handlers.changed?.();
        break;
      case 'ended':
        this.state.ended = true;
        this.state.leaving = false;
        this.save();
        this.handlers.ended?.();
        break;
      case 'error':
        if (frame.error === 'not_found') { this.state.token = null; this.save(); this.socket.close(); }
        if (frame.error === 'unavailable') this.retryLater(frame.retryAfter);
        this.handlers.error?.(frame);
        break;
      default:
        this.handlers[frame.type]?.(frame);
    }
  }

  close() {
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }
}

/** A random id; crypto.randomUUID needs a secure context, getRandomValues does not. */
function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
