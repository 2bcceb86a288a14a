// The operator's socket /ws/agents/{id}: frames go to the handler; a dropped socket reconnects
// with a growing delay (1 s up to 15 s) and, once open again, the shell refetches everything.
// onDown tells the shell the socket is lost (it says so to the operator until onOpen).
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
  open();
  return { close() { stopped = true; socket?.close(); }, get raw() { return socket; } };
}
