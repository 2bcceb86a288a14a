// The operator's socket /ws/agents/{id}: frames go to the handler; a dropped socket reconnects
// with a growing delay (1 s up to 15 s) and, once open again, the shell refetches everything.
// onDown tells the shell the socket is lost (it says so to the operator until onOpen).
// The server closes it when the token ends (4401: expired or revoked; 4403: account disabled): a
// renewed token is sent in-band, and a reconnect always takes the current token.
import { session } from './api.js';

export function connectAgentSocket(onFrame, onOpen, onDown = () => {}) {
  let delay = 1000;
  let stopped = false;
  let socket = null;
  const open = () => {
    if (stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/ws/agents/${encodeURIComponent(session.agent)}?token=${encodeURIComponent(session.token)}`);
    socket.addEventListener('open', () => { delay = 1000; onOpen(); });
    socket.addEventListener('message', (event) => onFrame(JSON.parse(event.data)));
    socket.addEventListener('close', () => {
      if (stopped) return;
      onDown();
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 15000);
    });
  };
  window.addEventListener('onenumber:renewed', (event) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'auth', token: event.detail.token }));
  });
  open();
  return { close() { stopped = true; socket?.close(); }, get raw() { return socket; } };
}
