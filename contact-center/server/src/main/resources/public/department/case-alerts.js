// Pushed alerts: ServerEvents reads the server-sent events of a stream (fetch with the bearer
// token, as the wallboard does) and calls handlers[name](data) for each event with a handler.
// Reconnects after a drop; stops on 401/403 or close(). CaseAlerts: /api/v1/case-alerts/stream,
// onAlert({caseId, department, status, at}) per case as it goes overdue (the department portal: staff
// their department's; the wallboard: supervisors every department's), onCallInvite({contactId,
// from, fromName, mode, at}) when an operator invites the department's staff into a call, and
// onLowRating({kind: 'LOW_RATING', caseId, department, status, at}) when a citizen rates an answer 1-2.
// IssueAlerts: emerging issues from /api/v1/analytics/issues/stream (the wallboard and the hotspot page).
'use strict';
window.ServerEvents = {
  open(url, handlers, token) {
    const abort = new AbortController();
    let closed = false;
    async function run() {
      while (!closed) {
        try {
          const res = await fetch(url, {headers: {Authorization: 'Bearer ' + token,
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
          if (handlers[name]) handlers[name](JSON.parse(data));
        }
      }
    }
    run();
    return { close() { closed = true; abort.abort(); } };
  }
};
window.CaseAlerts = {
  open: (token, onAlert, onCallInvite, onLowRating) => window.ServerEvents.open('/api/v1/case-alerts/stream',
    Object.assign({'overdue': onAlert}, onCallInvite ? {'call-invite': onCallInvite} : {},
      onLowRating ? {'low-rating': onLowRating} : {}), token)
};
window.IssueAlerts = {
  open: (token, onIssue) => window.ServerEvents.open('/api/v1/analytics/issues/stream', {'issue': onIssue}, token)
};
