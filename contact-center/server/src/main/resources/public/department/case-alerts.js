// Overdue alerts, pushed: reads the server-sent events of /api/v1/case-alerts/stream (fetch with
// the bearer token, as the wallboard does) and calls onAlert({caseId, department, status, at}) for
// each case as it goes overdue, and onCallInvite({contactId, from, fromName, mode, at}) when an
// operator invites the department's staff into a call. Reconnects after a drop; stops on 401/403 or close().
// Used by the department portal (staff: their department) and the wallboard (supervisors: all).
'use strict';
window.CaseAlerts = {
  open(token, onAlert, onCallInvite) {
    const abort = new AbortController();
    let closed = false;
    async function run() {
      while (!closed) {
        try {
          const res = await fetch('/api/v1/case-alerts/stream', {headers: {Authorization: 'Bearer ' + token,
            Accept: 'text/event-stream'}, signal: abort.signal});
          if (res.status === 401 || res.status === 403) return;
          if (res.ok) await read(res.body.getReader());
        } catch (e) { if (closed) return; }
        await new Promise(resolve => setTimeout(resolve, 5000));
      }
    }
    async function read(reader) {
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, {stream: true});
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut).split('\n');
          buffer = buffer.slice(cut + 2);
          const name = (block.find(l => l.startsWith('event:')) || '').slice(6).trim();
          const data = block.filter(l => l.startsWith('data:')).map(l => l.slice(5).replace(/^ /, '')).join('\n');
          if (name === 'overdue') onAlert(JSON.parse(data));
          else if (name === 'call-invite' && onCallInvite) onCallInvite(JSON.parse(data));
        }
      }
    }
    run();
    return { close() { closed = true; abort.abort(); } };
  }
};
